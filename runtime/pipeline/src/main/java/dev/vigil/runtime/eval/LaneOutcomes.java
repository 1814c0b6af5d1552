package dev.vigil.runtime.eval;

import dev.vigil.runtime.learn.LabelInterval;
import dev.vigil.runtime.learn.Labels;
import dev.vigil.runtime.pipeline.Detection;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One lane's labelled intervals and dense results, one by one, judged by the rules of {@link LaneScore}
 * (which counts them): whether each target event was woken and detected, and whether each dense result
 * was a true detection, a false one on a distractor or on background, or a rejection. The report draws
 * them; the {@linkplain #curve miss-rate curve} and the {@linkplain #confusion confusion matrix} follow.
 *
 * @param events   every labelled interval of the lane, in the order given
 * @param results  every dense result of the lane, in time order
 * @param nonTargetUs time of the recording outside every target event
 */
public record LaneOutcomes(List<EventOutcome> events, List<ResultOutcome> results, long nonTargetUs) {

    /**
     * A labelled interval.
     *
     * @param interval  the interval
     * @param target    false for a distractor (negative label)
     * @param woken     a wake belongs to it
     * @param detected  a dense result carrying its label belongs to it (targets only)
     * @param bestScore highest score among those results, NaN when none
     */
    public record EventOutcome(LabelInterval interval, boolean target, boolean woken, boolean detected, double bestScore) {
    }

    /** What a dense result was. */
    public enum Verdict {
        /** Published on a target event. */
        TRUE_DETECTION,
        /** Published on a distractor (and not on a target). */
        FALSE_ON_DISTRACTOR,
        /** Published on background. */
        FALSE_ON_BACKGROUND,
        /** Labelled background or with a negative label: not published. */
        REJECTED;

        /** True for the published results on no target. */
        public boolean falseAccept() {
            return this == FALSE_ON_DISTRACTOR || this == FALSE_ON_BACKGROUND;
        }
    }

    /**
     * A dense result.
     *
     * @param result  the result
     * @param truth   the label of the target it belongs to, else of the distractor, else {@code background}
     * @param verdict what it was
     */
    public record ResultOutcome(Detection result, String truth, Verdict verdict) {
    }

    public LaneOutcomes {
        events = List.copyOf(events);
        results = List.copyOf(results);
    }

    /**
     * Judges a lane.
     *
     * @param wakeEndsUs end times of the lane's waking windows, ascending
     * @param results    the lane's dense results, in time order
     * @param intervals  the lane's labelled intervals
     * @param negatives  labels that mark distractors
     * @param windowUs   window length
     * @param recordedUs device time the log covers
     */
    public static LaneOutcomes of(long[] wakeEndsUs, List<Detection> results, List<LabelInterval> intervals,
                                  Set<String> negatives, long windowUs, long recordedUs) {
        List<LabelInterval> targets = intervals.stream().filter(l -> !negatives.contains(l.label())).toList();
        List<LabelInterval> distractors = intervals.stream().filter(l -> negatives.contains(l.label())).toList();
        List<EventOutcome> events = new ArrayList<>();
        for (LabelInterval iv : intervals) {
            boolean target = !negatives.contains(iv.label());
            boolean woken = false;
            for (long end : wakeEndsUs) {
                if (Matching.holds(iv, end, windowUs)) {
                    woken = true;
                    break;
                }
            }
            double best = Double.NaN;
            if (target) {
                for (Detection d : results) {
                    if (d.label().equals(iv.label()) && Matching.holds(iv, Matching.wakeEnd(d, windowUs), windowUs)) {
                        best = Double.isNaN(best) ? d.score() : Math.max(best, d.score());
                    }
                }
            }
            events.add(new EventOutcome(iv, target, woken, !Double.isNaN(best), best));
        }
        List<ResultOutcome> judged = new ArrayList<>();
        for (Detection d : results) {
            long end = Matching.wakeEnd(d, windowUs);
            LabelInterval target = Matching.first(targets, end, windowUs);
            LabelInterval distractor = target == null ? Matching.first(distractors, end, windowUs) : null;
            String truth = target != null ? target.label() : distractor != null ? distractor.label() : Labels.BACKGROUND;
            boolean reject = d.label().equals(Labels.BACKGROUND) || negatives.contains(d.label());
            Verdict v = reject ? Verdict.REJECTED : target != null ? Verdict.TRUE_DETECTION
                    : distractor != null ? Verdict.FALSE_ON_DISTRACTOR : Verdict.FALSE_ON_BACKGROUND;
            judged.add(new ResultOutcome(d, truth, v));
        }
        return new LaneOutcomes(events, judged, Math.max(0, recordedUs - LaneScore.union(targets)));
    }

    /**
     * Miss rate against false accepts per hour of non-target time as a threshold sweeps the dense stage's
     * score: a target event is caught at threshold t when a result carrying its label scores at least t;
     * every published result on no target scoring at least t is a false accept. At the lowest threshold the
     * point is {@code vigil eval}'s: 1 − event recall, and the false detections on distractors and background.
     */
    public MissRateCurve curve() {
        double[] hits = events.stream().filter(EventOutcome::target).mapToDouble(EventOutcome::bestScore).toArray();
        double[] falses = results.stream().filter(r -> r.verdict().falseAccept()).mapToDouble(r -> r.result().score()).toArray();
        return MissRateCurve.of(hits, falses, nonTargetUs / 3.6e9);
    }

    /** The dense head's labels against the true classes of its runs. */
    public ConfusionMatrix confusion() {
        return ConfusionMatrix.of(results.stream().map(ResultOutcome::truth).toList(),
                results.stream().map(r -> r.result().label()).toList());
    }
}
