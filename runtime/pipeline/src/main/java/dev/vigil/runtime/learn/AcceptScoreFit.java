package dev.vigil.runtime.learn;

import dev.vigil.runtime.dense.Int8Model;

import java.util.Arrays;
import java.util.List;

/**
 * Chooses a head's accept score for its target labels on examples training held out, the way wake-word
 * products set their threshold: each held-out target example is caught at thresholds up to its label's
 * probability (never when the head's arg-max is another label); each held-out negative example (distractor
 * or background) the head gives a target label is a false accept at thresholds up to that probability. One
 * negative example stands for one wake on non-target time, so false accepts per hour are the false accepts'
 * share of the negative examples times the wakes per hour the fitted rule gives on the training log's
 * non-target time. The accept score is the lowest threshold within the budget (the lowest miss rate there:
 * the point of {@code vigil eval --sweep}'s curve, computed on the held-out examples), or none when the
 * arg-max already is.
 *
 * @param acceptScore      the score, or NaN when the arg-max is within the budget
 * @param missRate         held-out target examples missed at it
 * @param falseAcceptsPerHour estimated at it
 * @param targets          held-out target examples
 * @param negatives        held-out negative examples
 */
record AcceptScoreFit(double acceptScore, double missRate, double falseAcceptsPerHour, int targets, int negatives) {

    /**
     * The fit for the head averaging {@code models} (one, or an ensemble whose mean probabilities answer), whose
     * first {@code targetClasses} labels are targets, on held-out {@code targets} and {@code negatives}, with
     * {@code wakesPerHour} wakes per hour of non-target time, within {@code budget} false accepts per hour.
     */
    static AcceptScoreFit fit(List<Int8Model> models, List<CnnHeadTrainer.Example> targets, List<CnnHeadTrainer.Example> negatives,
                              int targetClasses, double wakesPerHour, double budget) {
        Head head = new Head(models);
        double[] hits = new double[targets.size()];
        for (int i = 0; i < hits.length; i++) {
            CnnHeadTrainer.Example e = targets.get(i);
            int best = head.classify(e.features());
            hits[i] = best == e.label() ? head.probability() : Double.NaN;
        }
        double[] falses = negatives.stream().mapToDouble(e -> {
            int best = head.classify(e.features());
            return best < targetClasses ? head.probability() : Double.NaN;
        }).toArray();
        double hours = wakesPerHour > 0 ? negatives.size() / wakesPerHour : Double.POSITIVE_INFINITY;
        double[] falsesDescending = descending(falses);
        int allowed = allowedFalseAccepts(budget, hours, falsesDescending.length);
        if (allowed >= falsesDescending.length) {
            return of(Double.NaN, hits, falsesDescending, hours, targets.size(), negatives.size());
        }
        double bar = falsesDescending[allowed];
        double score = Double.POSITIVE_INFINITY;
        double top = Double.NEGATIVE_INFINITY;
        for (double[] scores : new double[][] {hits, falsesDescending}) {
            for (double v : scores) {
                if (v > bar && v < score) {
                    score = v;
                }
                top = Double.isNaN(v) ? top : Math.max(top, v);
            }
        }
        score = Double.isFinite(score) ? score : Math.min(1, Math.nextUp(top));
        return of(score, hits, falsesDescending, hours, targets.size(), negatives.size());
    }

    /** The most false accepts that stay within {@code budget} per hour over {@code hours}, at most {@code count}. */
    private static int allowedFalseAccepts(double budget, double hours, int count) {
        if (Double.isInfinite(hours)) {
            return count;
        }
        int k = (int) Math.min(count, Math.floor(budget * hours));
        while (k < count && (k + 1) / hours <= budget) {
            k++;
        }
        while (k > 0 && k / hours > budget) {
            k--;
        }
        return k;
    }

    /** The fit at {@code score} (NaN: every arg-max accepted). */
    private static AcceptScoreFit of(double score, double[] hits, double[] falses, double hours, int targets, int negatives) {
        int missed = 0;
        for (double h : hits) {
            missed += Double.isNaN(h) || h < score ? 1 : 0;
        }
        int falseAccepts = 0;
        for (double f : falses) {
            falseAccepts += Double.isNaN(score) || f >= score ? 1 : 0;
        }
        return new AcceptScoreFit(score, targets == 0 ? Double.NaN : (double) missed / targets,
                Double.isInfinite(hours) ? 0 : falseAccepts / hours, targets, negatives);
    }

    /** The finite values of {@code v}, largest first. */
    private static double[] descending(double[] v) {
        double[] s = java.util.Arrays.stream(v).filter(x -> !Double.isNaN(x)).sorted().toArray();
        for (int i = 0, j = s.length - 1; i < j; i++, j--) {
            double t = s[i];
            s[i] = s[j];
            s[j] = t;
        }
        return s;
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

    /** A head's arg-max label and its probability: one model's, or an ensemble's from its mean probabilities. */
    private static final class Head {
        private final List<Int8Model> models;
        private final int[] logits;
        private final double[] mean;
        private double probability;

        Head(List<Int8Model> models) {
            this.models = List.copyOf(models);
            this.logits = new int[models.getFirst().labels().size()];
            this.mean = new double[logits.length];
        }

        /** The label the head answers for {@code features}; its probability is then {@link #probability()}. */
        int classify(int[] features) {
            if (models.size() == 1) {
                Int8Model m = models.getFirst();
                int best = CnnHeadTrainer.classify(m, features, logits);
                probability = AcceptScoreFit.probability(logits, best, m.logitScale());
                return best;
            }
            Arrays.fill(mean, 0);
            for (Int8Model m : models) {
                CnnHeadTrainer.classify(m, features, logits);
                for (int c = 0; c < logits.length; c++) {
                    mean[c] += AcceptScoreFit.probability(logits, c, m.logitScale()) / models.size();
                }
            }
            int best = 0;
            for (int c = 1; c < mean.length; c++) {
                if (mean[c] > mean[best]) {
                    best = c;
                }
            }
            probability = mean[best];
            return best;
        }

        double probability() {
            return probability;
        }
    }
}
