package dev.vigil.runtime.eval;

/**
 * Evaluation figures of one lane.
 *
 * @param sensor              lane name
 * @param events              labelled events of this lane
 * @param detectedEvents      events with a wake between their start and their end plus one window
 * @param recall              detectedEvents / events
 * @param detections          detections not labelled background by the dense stage
 * @param truePositives       of those, inside an event (start .. end plus one window)
 * @param precision           truePositives / detections
 * @param labelAccuracy       share of true positives whose label matches the event's
 * @param wakes               wakes of the dense stage
 * @param falseWakes          wakes outside every event
 * @param backgroundHours     hours of the log outside every event
 * @param falseWakesPerHour   falseWakes / backgroundHours
 * @param latencyP50Ms        median of first-wake time minus event start, ms
 * @param latencyP99Ms        99th percentile of the same
 * @param windows             windows judged
 * @param denseRuns           dense-stage invocations
 * @param dutyCycle           denseRuns / windows
 * @param frontJ              front-end energy from the accelerator's counters
 * @param denseJPerRun        dense energy per invocation: device energy plus CPU time × board active power
 * @param wakeOnSalienceJ     frontJ + denseRuns × denseJPerRun
 * @param alwaysDenseJ        windows × denseJPerRun
 * @param energyRatio         alwaysDenseJ / wakeOnSalienceJ
 * @param synops              synaptic operations: front end plus dense MACs (NeuroBench "effective synops")
 * @param alwaysDenseSynops   dense MACs if run on every window
 * @param frontSparsity       1 − output spikes / neuron updates of the front end
 * @param denseSparsity       zero share of the dense stage's int8 inputs
 * @param footprintBytes      front-end weights (1 byte each) + dense weights and biases
 * @param refusedWakes        wakes refused by cooldown or budget, or held by fusion
 * @param falseWakeTimesS     device times of the first 100 false wakes, s
 */
public record LaneReport(String sensor, int events, int detectedEvents, double recall, int detections, int truePositives,
                         double precision, double labelAccuracy, long wakes, int falseWakes, double backgroundHours,
                         double falseWakesPerHour, double latencyP50Ms, double latencyP99Ms, long windows, long denseRuns,
                         double dutyCycle, double frontJ, double denseJPerRun, double wakeOnSalienceJ, double alwaysDenseJ,
                         double energyRatio, long synops, long alwaysDenseSynops, double frontSparsity, double denseSparsity,
                         long footprintBytes, long refusedWakes, double[] falseWakeTimesS) {
}
