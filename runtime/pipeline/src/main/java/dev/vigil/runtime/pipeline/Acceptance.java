package dev.vigil.runtime.pipeline;

import java.util.List;
import java.util.Map;

/**
 * A head's accept scores applied to its logits: the answer is the arg-max label unless its softmax
 * probability is under that label's accept score; then it is the best-scoring label without an accept score
 * (a reject class such as other speech or background), so a doubtful keyword is published as what it
 * more likely is not. Without accept scores the answer is the arg-max. Allocates nothing.
 */
final class Acceptance {
    private final double[] minimum;
    private double probability;

    /** The accept scores of a head with {@code labels}; labels {@code scores} does not name have none. */
    Acceptance(List<String> labels, Map<String, Double> scores) {
        minimum = new double[labels.size()];
        for (int i = 0; i < minimum.length; i++) {
            minimum[i] = scores.getOrDefault(labels.get(i), 0.0);
        }
    }

    /** The answer's index for float logits; its probability is then {@link #probability()}. */
    int answer(float[] logits) {
        int best = argMax(logits, false);
        probability = probability(logits, best);
        if (probability >= minimum[best]) {
            return best;
        }
        int reject = argMax(logits, true);
        probability = probability(logits, reject);
        return reject;
    }

    /** The answer's index for int logits of {@code scale} natural-log units each; its probability is then {@link #probability()}. */
    int answer(int[] logits, double scale) {
        int best = argMax(logits, false);
        probability = probability(logits, scale, best);
        if (probability >= minimum[best]) {
            return best;
        }
        int reject = argMax(logits, true);
        probability = probability(logits, scale, reject);
        return reject;
    }

    /** The softmax probability of the last answer. */
    double probability() {
        return probability;
    }

    private int argMax(float[] z, boolean rejectsOnly) {
        int best = -1;
        for (int i = 0; i < z.length; i++) {
            if ((!rejectsOnly || minimum[i] == 0) && (best < 0 || z[i] > z[best])) {
                best = i;
            }
        }
        return best;
    }

    private int argMax(int[] z, boolean rejectsOnly) {
        int best = -1;
        for (int i = 0; i < z.length; i++) {
            if ((!rejectsOnly || minimum[i] == 0) && (best < 0 || z[i] > z[best])) {
                best = i;
            }
        }
        return best;
    }

    private static double probability(float[] z, int of) {
        double sum = 0;
        for (float v : z) {
            sum += Math.exp(v - z[of]);
        }
        return 1 / sum;
    }

    private static double probability(int[] z, double scale, int of) {
        double sum = 0;
        for (int v : z) {
            sum += Math.exp((v - z[of]) * scale);
        }
        return 1 / sum;
    }
}
