package dev.vigil.runtime.pipeline;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A head's accept scores: the arg-max answers at or above its score, else the best label without one. */
class AcceptanceTest {
    private static final List<String> LABELS = List.of("yes", "no", "speech", "background");

    private static double softmax(double[] z, int of) {
        double sum = 0;
        for (double v : z) {
            sum += Math.exp(v - z[of]);
        }
        return 1 / sum;
    }

    @Test
    void withoutScoresTheArgMaxAnswersWithItsProbability() {
        Acceptance a = new Acceptance(LABELS, Map.of());
        assertEquals(1, a.answer(new float[] {0.5f, 2f, 1f, -1f}));
        assertEquals(softmax(new double[] {0.5, 2, 1, -1}, 1), a.probability(), 1e-12);
    }

    @Test
    void aTargetUnderItsScoreGivesWayToTheBestRejectLabel() {
        Acceptance a = new Acceptance(LABELS, Map.of("yes", 0.9, "no", 0.9));
        float[] doubtful = {2f, 1.9f, 0.5f, 1f};
        assertEquals(3, a.answer(doubtful), "yes at 0.45 is under 0.9; 'no' has a score too, so background answers");
        assertEquals(softmax(new double[] {2, 1.9, 0.5, 1}, 3), a.probability(), 1e-7);
        float[] sure = {6f, 0f, 0f, 1f};
        assertEquals(0, a.answer(sure));
        assertEquals(softmax(new double[] {6, 0, 0, 1}, 0), a.probability(), 1e-7);
    }

    @Test
    void theScoreIsInclusiveAndIntLogitsAreScaled() {
        int[] logits = {40, 0, 20, 0};
        double p = 1 / (1 + 2 * Math.exp((0 - 40) * 0.1) + Math.exp((20 - 40) * 0.1));
        assertEquals(0, new Acceptance(LABELS, Map.of("yes", p)).answer(logits, 0.1));
        Acceptance stricter = new Acceptance(LABELS, Map.of("yes", Math.nextUp(p)));
        assertEquals(2, stricter.answer(logits, 0.1));
        assertEquals(softmax(new double[] {4, 0, 2, 0}, 2), stricter.probability(), 1e-9);
    }
}
