package dev.vigil.runtime.eval;

/**
 * Evaluation figures of one lane. Target events are the labelled intervals whose label is not negative;
 * distractors are those with a negative label; background is the time outside both. A dense-stage result
 * is published unless it is labelled {@code background} or with a negative label (a rejection).
 *
 * @param sensor                 lane name
 * @param events                 target events of this lane
 * @param detectedEvents         target events with a published detection carrying the event's label, from a
 *                               wake between the event's start and its end plus one window
 * @param recall                 event recall: detectedEvents / events (what the user receives)
 * @param wokenEvents            target events with a wake in that span, whatever the dense stage said
 * @param wakeRecall             wokenEvents / events (the front end and wake policy alone)
 * @param detections             published detections
 * @param truePositives          of those, on a target event
 * @param precision              truePositives / detections
 * @param labelAccuracy          share of true positives whose label matches the event's
 * @param falseDetectionsOnDistractors published detections on a distractor
 * @param falseDetectionsOnBackground  published detections on background
 * @param wakes                  wakes of the dense stage
 * @param falseWakes             waking windows on background
 * @param backgroundHours        hours of the log outside every target and distractor interval
 * @param falseWakesPerHour      falseWakes / backgroundHours
 * @param distractors            distractor intervals
 * @param distractorWakes        waking windows on a distractor
 * @param distractorRuns         dense runs on a distractor
 * @param distractorRejected     of those, rejected by the dense stage
 * @param distractorRejectionRate distractorRejected / distractorRuns
 * @param distractorDenseJ       energy of the dense runs on distractors (distractorRuns × denseJPerRun)
 * @param latencyP50Ms           median of detection time minus event start over detected events, ms
 * @param latencyP99Ms           99th percentile of the same
 * @param wakeLatencyP50Ms       median of first-wake time (end of the waking window) minus event start, ms
 * @param wakeLatencyP99Ms       99th percentile of the same
 * @param windows                windows judged
 * @param denseRuns              dense-stage invocations
 * @param dutyCycle              denseRuns / windows
 * @param frontJ                 front-end energy from the accelerator's counters and its static power
 * @param denseJPerRun           dense energy per invocation: device energy plus CPU time × board active power
 * @param wakeOnSalienceJ        the sum of {@code energy}'s wake-on-salience parts: front end, encoder, features,
 *                               denseRuns × denseJPerRun, the dense device's static power
 * @param alwaysDenseJ           the sum of {@code energy}'s always-dense parts: the features and windows × denseJPerRun,
 *                               the dense device's static power
 * @param energyRatio            alwaysDenseJ / wakeOnSalienceJ
 * @param synops                 synaptic operations: front end plus dense MACs (NeuroBench "effective synops")
 * @param alwaysDenseSynops      dense MACs if run on every window
 * @param frontSparsity          1 − output spikes / neuron updates of the front end
 * @param denseSparsity          zero share of the dense stage's int8 inputs
 * @param footprintBytes         front-end weights (1 byte each) + dense weights and biases
 * @param refusedWakes           wakes refused by cooldown or budget, or held by fusion
 * @param falseWakeTimesS        device times of the first 100 false wakes, s
 * @param energy                 the energy parts, each with its source
 */
public record LaneReport(String sensor, int events, int detectedEvents, double recall, int wokenEvents, double wakeRecall,
                         int detections, int truePositives, double precision, double labelAccuracy,
                         int falseDetectionsOnDistractors, int falseDetectionsOnBackground, long wakes, int falseWakes,
                         double backgroundHours, double falseWakesPerHour, int distractors, int distractorWakes,
                         int distractorRuns, int distractorRejected, double distractorRejectionRate, double distractorDenseJ,
                         double latencyP50Ms, double latencyP99Ms, double wakeLatencyP50Ms, double wakeLatencyP99Ms,
                         long windows, long denseRuns, double dutyCycle, double frontJ, double denseJPerRun,
                         double wakeOnSalienceJ, double alwaysDenseJ, double energyRatio, long synops, long alwaysDenseSynops,
                         double frontSparsity, double denseSparsity, long footprintBytes, long refusedWakes,
                         double[] falseWakeTimesS, EnergyBreakdown energy) {
}
