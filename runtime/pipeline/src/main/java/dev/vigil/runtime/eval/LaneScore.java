package dev.vigil.runtime.eval;

import dev.vigil.runtime.learn.LabelInterval;
import dev.vigil.runtime.learn.Labels;
import dev.vigil.runtime.pipeline.Detection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * How one lane's wakes and dense-stage results line up with labelled intervals. A wake or a dense run
 * belongs to an interval when the waking window ends after the interval starts and at most one window
 * after it ends. Target intervals are the events to find; distractor intervals (negative labels) are
 * things that may wake the front end but must not be published; everything outside both is background.
 * A dense result is <em>published</em> unless its label is {@code background} or a negative label.
 *
 * @param events                target events
 * @param detectedEvents        target events with a published result carrying the event's label
 * @param wokenEvents           target events with a wake (whatever the dense stage then said)
 * @param detectionLatenciesMs  per detected event: time the dense stage published minus event start, sorted
 * @param wakeLatenciesMs       per woken event: end of its first waking window minus event start, sorted
 * @param published             published results
 * @param truePositives         published results on a target event
 * @param labelMatches          of those, with the event's label
 * @param publishedOnDistractor published results on a distractor (and not on a target)
 * @param publishedOnBackground published results on background
 * @param falseWakes            waking windows on background
 * @param falseWakeTimesS       device times of the first 100 of them, s
 * @param distractorEvents      distractor intervals
 * @param distractorWakes       waking windows on a distractor (and not on a target)
 * @param distractorRuns        dense runs on a distractor
 * @param distractorRejected    of those, the ones the dense stage rejected (background or a negative label)
 * @param backgroundUs          time outside every target and distractor interval
 */
public record LaneScore(int events, int detectedEvents, int wokenEvents, double[] detectionLatenciesMs,
                        double[] wakeLatenciesMs, int published, int truePositives, int labelMatches,
                        int publishedOnDistractor, int publishedOnBackground, int falseWakes, double[] falseWakeTimesS,
                        int distractorEvents, int distractorWakes, int distractorRuns, int distractorRejected,
                        long backgroundUs) {

    /**
     * Scores a lane.
     *
     * @param wakeEndsUs  end times of the lane's waking windows, ascending
     * @param results     the lane's dense-stage results, in time order
     * @param intervals   the lane's labelled intervals
     * @param negatives   labels that mark distractors
     * @param windowUs    window length
     * @param recordedUs  device time the log covers
     */
    public static LaneScore of(long[] wakeEndsUs, List<Detection> results, List<LabelInterval> intervals,
                               Set<String> negatives, long windowUs, long recordedUs) {
        List<LabelInterval> targets = intervals.stream().filter(l -> !negatives.contains(l.label())).toList();
        List<LabelInterval> distractors = intervals.stream().filter(l -> negatives.contains(l.label())).toList();
        List<Double> detLat = new ArrayList<>();
        List<Double> wakeLat = new ArrayList<>();
        int detected = 0;
        int woken = 0;
        for (LabelInterval iv : targets) {
            for (long end : wakeEndsUs) {
                if (Matching.holds(iv, end, windowUs)) {
                    woken++;
                    wakeLat.add((end - iv.startUs()) / 1000.0);
                    break;
                }
            }
            for (Detection d : results) {
                if (Matching.holds(iv, Matching.wakeEnd(d, windowUs), windowUs) && d.label().equals(iv.label())) {
                    detected++;
                    detLat.add((d.deviceTimeUs() - iv.startUs()) / 1000.0);
                    break;
                }
            }
        }
        int published = 0;
        int tp = 0;
        int labelOk = 0;
        int onDistractor = 0;
        int onBackground = 0;
        int distractorRuns = 0;
        int distractorRejected = 0;
        for (Detection d : results) {
            long end = Matching.wakeEnd(d, windowUs);
            LabelInterval target = Matching.first(targets, end, windowUs);
            boolean reject = d.label().equals(Labels.BACKGROUND) || negatives.contains(d.label());
            boolean distractor = target == null && Matching.first(distractors, end, windowUs) != null;
            if (distractor) {
                distractorRuns++;
                distractorRejected += reject ? 1 : 0;
            }
            if (reject) {
                continue;
            }
            published++;
            if (target != null) {
                tp++;
                labelOk += target.label().equals(d.label()) ? 1 : 0;
            } else if (distractor) {
                onDistractor++;
            } else {
                onBackground++;
            }
        }
        int falseWakes = 0;
        int distractorWakes = 0;
        List<Double> falseTimes = new ArrayList<>();
        for (long end : wakeEndsUs) {
            if (Matching.first(targets, end, windowUs) != null) {
                continue;
            }
            if (Matching.first(distractors, end, windowUs) != null) {
                distractorWakes++;
            } else {
                falseWakes++;
                if (falseTimes.size() < 100) {
                    falseTimes.add(end / 1e6);
                }
            }
        }
        return new LaneScore(targets.size(), detected, woken, sorted(detLat), sorted(wakeLat), published, tp, labelOk,
                onDistractor, onBackground, falseWakes, falseTimes.stream().mapToDouble(Double::doubleValue).toArray(),
                distractors.size(), distractorWakes, distractorRuns, distractorRejected,
                Math.max(0, recordedUs - union(intervals)));
    }

    private static double[] sorted(List<Double> v) {
        double[] a = v.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(a);
        return a;
    }

    /** Total length of the union of {@code ivs}. */
    static long union(List<LabelInterval> ivs) {
        List<LabelInterval> s = new ArrayList<>(ivs);
        s.sort((a, b) -> Long.compare(a.startUs(), b.startUs()));
        long total = 0;
        long curStart = 0;
        long curEnd = Long.MIN_VALUE;
        for (LabelInterval iv : s) {
            if (iv.startUs() > curEnd) {
                if (curEnd != Long.MIN_VALUE) {
                    total += curEnd - curStart;
                }
                curStart = iv.startUs();
                curEnd = iv.endUs();
            } else {
                curEnd = Math.max(curEnd, iv.endUs());
            }
        }
        return curEnd == Long.MIN_VALUE ? total : total + curEnd - curStart;
    }

    /** Published true positives over published results, NaN when nothing was published. */
    public double precision() {
        return published == 0 ? Double.NaN : (double) truePositives / published;
    }
}
