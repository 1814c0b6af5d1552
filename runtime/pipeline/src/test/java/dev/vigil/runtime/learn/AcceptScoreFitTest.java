package dev.vigil.runtime.learn;

import dev.vigil.runtime.dense.Int8Layer;
import dev.vigil.runtime.dense.Int8Model;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The accept score chosen on held-out examples, with a head whose logits are its inputs (labels yes, speech,
 * background): target examples at yes-probabilities 0.987, 0.965, 0.909 and 0.787; negatives of which two are
 * false accepts (0.844 and 0.576) and six are answered background; 40 wakes per hour on non-target time, so
 * eight negatives stand for 0.2 h and each false accept for 5 per hour.
 */
class AcceptScoreFitTest {
    private static final Int8Model IDENTITY = new Int8Model("identity", 0, 1,
            List.of(new Int8Layer(3, 3, new byte[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, new int[3], 0, false)),
            List.of("yes", "speech", "background"), 1.0);
    private static final List<CnnHeadTrainer.Example> TARGETS = List.of(example(5, 0, 0, 0), example(4, 0, 0, 0),
            example(3, 0, 0, 0), example(2, 0, 0, 0));
    private static final List<CnnHeadTrainer.Example> NEGATIVES = List.of(example(3, 0, 1, 2), example(1, 0, 0, 1),
            example(0, 0, 4, 2), example(0, 0, 4, 2), example(0, 3, 0, 1), example(0, 3, 0, 1), example(0, 0, 4, 2),
            example(0, 3, 0, 1));

    private static CnnHeadTrainer.Example example(int yes, int speech, int background, int label) {
        return new CnnHeadTrainer.Example(new int[] {yes, speech, background}, label);
    }

    private static double yesProbability(double yes, double speech, double background) {
        return Math.exp(yes) / (Math.exp(yes) + Math.exp(speech) + Math.exp(background));
    }

    @Test
    void noFalseAcceptAllowedPutsTheScoreAtTheLowestTargetAboveEveryFalseAccept() {
        AcceptScoreFit fit = AcceptScoreFit.fit(List.of(IDENTITY), TARGETS, NEGATIVES, 1, 40, 0.5);
        assertEquals(yesProbability(3, 0, 0), fit.acceptScore(), 1e-6);
        assertEquals(0.25, fit.missRate(), 1e-12);
        assertEquals(0, fit.falseAcceptsPerHour(), 1e-12);
        assertEquals(4, fit.targets());
        assertEquals(8, fit.negatives());
    }

    @Test
    void aBudgetOfOneFalseAcceptLowersTheScoreToCatchEveryTarget() {
        AcceptScoreFit fit = AcceptScoreFit.fit(List.of(IDENTITY), TARGETS, NEGATIVES, 1, 40, 5);
        assertEquals(yesProbability(2, 0, 0), fit.acceptScore(), 1e-6);
        assertEquals(0, fit.missRate(), 1e-12);
        assertEquals(5, fit.falseAcceptsPerHour(), 1e-9);
    }

    @Test
    void noScoreWhenTheArgMaxIsWithinTheBudget() {
        AcceptScoreFit fit = AcceptScoreFit.fit(List.of(IDENTITY), TARGETS, NEGATIVES, 1, 40, 10);
        assertTrue(Double.isNaN(fit.acceptScore()), "arg-max already within budget: " + fit);
        assertEquals(10, fit.falseAcceptsPerHour(), 1e-9);
    }

    @Test
    void fewerWakesPerHourMakeEachFalseAcceptWeighLess() {
        AcceptScoreFit fit = AcceptScoreFit.fit(List.of(IDENTITY), TARGETS, NEGATIVES, 1, 4, 0.5);
        assertEquals(yesProbability(2, 0, 0), fit.acceptScore(), 1e-6, "8 negatives at 4 wakes per hour are 2 h: one false accept is 0.5 per hour");
        assertEquals(0.5, fit.falseAcceptsPerHour(), 1e-9);
    }

    /**
     * An ensemble's fit reads the mean probabilities of its models: with a second model whose logits are half the first's,
     * the score is the mean yes-probability of the lowest target above every false accept, which neither model alone gives.
     */
    @Test
    void anEnsemblesScoreIsOnItsMeanProbability() {
        Int8Model half = new Int8Model("half", 0, 1, IDENTITY.layers(), IDENTITY.labels(), 0.5);
        AcceptScoreFit fit = AcceptScoreFit.fit(List.of(IDENTITY, half), TARGETS, NEGATIVES, 1, 40, 0.5);
        double mean = (yesProbability(3, 0, 0) + yesProbability(1.5, 0, 0)) / 2;
        assertEquals(mean, fit.acceptScore(), 1e-6, "the mean yes-probability of target (3, 0, 0): " + fit);
        assertEquals(0.25, fit.missRate(), 1e-12);
        assertEquals(0, fit.falseAcceptsPerHour(), 1e-12);
    }
}
