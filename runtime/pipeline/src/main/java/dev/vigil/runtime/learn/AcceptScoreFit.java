package dev.vigil.runtime.learn;

import dev.vigil.runtime.dense.Int8Model;
import dev.vigil.runtime.eval.MissRateCurve;

import java.util.List;

/**
 * Chooses a head's accept score for its target labels on examples training held out, the way wake-word
 * products set their threshold: each held-out target example is caught at thresholds up to its label's
 * probability (never when the head's arg-max is another label); each held-out negative example (distractor
 * or background) the head gives a target label is a false accept at thresholds up to that probability. One
 * negative example stands for one wake on non-target time, so false accepts per hour are the false accepts'
 * share of the negative examples times the wakes per hour the fitted rule gives on the training log's
 * non-target time. The accept score is the lowest threshold within the budget ({@link MissRateCurve}: the
 * lowest miss rate there), or none when the arg-max already is.
 *
 * @param acceptScore      the score, or NaN when the arg-max is within the budget
 * @param missRate         held-out target examples missed at it
 * @param falseAcceptsPerHour estimated at it
 * @param targets          held-out target examples
 * @param negatives        held-out negative examples
 */
record AcceptScoreFit(double acceptScore, double missRate, double falseAcceptsPerHour, int targets, int negatives) {

    /**
     * The fit for {@code model}, whose first {@code targetClasses} labels are targets, on held-out {@code targets}
     * and {@code negatives}, with {@code wakesPerHour} wakes per hour of non-target time, within {@code budget}
     * false accepts per hour.
     */
    static AcceptScoreFit fit(Int8Model model, List<CnnHeadTrainer.Example> targets, List<CnnHeadTrainer.Example> negatives,
                              int targetClasses, double wakesPerHour, double budget) {
        int[] logits = new int[model.labels().size()];
        double[] hits = new double[targets.size()];
        for (int i = 0; i < hits.length; i++) {
            CnnHeadTrainer.Example e = targets.get(i);
            int best = CnnHeadTrainer.classify(model, e.features(), logits);
            hits[i] = best == e.label() ? probability(logits, best, model.logitScale()) : Double.NaN;
        }
        double[] falses = negatives.stream().mapToDouble(e -> {
            int best = CnnHeadTrainer.classify(model, e.features(), logits);
            return best < targetClasses ? probability(logits, best, model.logitScale()) : Double.NaN;
        }).toArray();
        double hours = wakesPerHour > 0 ? negatives.size() / wakesPerHour : Double.POSITIVE_INFINITY;
        MissRateCurve curve = MissRateCurve.of(hits, falses, hours);
        List<MissRateCurve.Point> points = curve.points();
        MissRateCurve.Point lowest = points.getLast();
        if (lowest.falseAcceptsPerHour() <= budget) {
            return new AcceptScoreFit(Double.NaN, lowest.missRate(), lowest.falseAcceptsPerHour(), targets.size(), negatives.size());
        }
        MissRateCurve.Point chosen = points.getFirst();
        for (MissRateCurve.Point p : points) {
            if (p.falseAcceptsPerHour() <= budget && Double.isFinite(p.threshold())) {
                chosen = p;
            }
        }
        double score = Double.isFinite(chosen.threshold()) ? chosen.threshold() : Math.min(1, Math.nextUp(points.get(1).threshold()));
        return new AcceptScoreFit(score, chosen.missRate(), chosen.falseAcceptsPerHour(), targets.size(), negatives.size());
    }

    /** The softmax probability of label {@code of} as a feature head in the pipeline computes it (float logits). */
    private static double probability(int[] logits, int of, double scale) {
        float top = (float) (logits[of] * scale);
        double sum = 0;
        for (int v : logits) {
            sum += Math.exp((float) (v * scale) - top);
        }
        return 1 / sum;
    }
}
