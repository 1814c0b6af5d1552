package dev.vigil.wake;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ThresholdHysteresisPolicyTest {

    private static List<Integer> wakesFor(WakePolicy p, int... totals) {
        List<Integer> wakes = new ArrayList<>();
        for (int i = 0; i < totals.length; i++) {
            if (p.decide(i * 1000L, new int[]{totals[i]}).wake()) {
                wakes.add(i);
            }
        }
        return wakes;
    }

    @Test
    void chatterAroundTheOnThresholdWakesOnce() {
        ThresholdHysteresisPolicy p = new ThresholdHysteresisPolicy(10, 3);
        assertEquals(List.of(2), wakesFor(p, 0, 5, 10, 9, 11, 8, 12, 4, 10));
    }

    @Test
    void fallingToOffReArms() {
        ThresholdHysteresisPolicy p = new ThresholdHysteresisPolicy(10, 3);
        assertEquals(List.of(1, 4), wakesFor(p, 0, 10, 4, 3, 10));
    }

    @Test
    void decisionCarriesItsReason() {
        ThresholdHysteresisPolicy p = new ThresholdHysteresisPolicy(10, 3);
        WakeDecision d = p.decide(0, new int[]{6, 6});
        assertTrue(d.wake());
        assertEquals(12, d.value());
        assertEquals("threshold-hysteresis: 12 >= 10", d.reason());
        assertFalse(p.decide(1, new int[]{0}).active());
    }

    @Test
    void anArmedQuietWindowReusesItsDecisionAndSaysWhatItSaw() {
        ThresholdHysteresisPolicy p = new ThresholdHysteresisPolicy(10, 3);
        WakeDecision first = p.decide(0, new int[]{4, 3});
        assertEquals("threshold-hysteresis: 7 < 10", first.reason());
        assertFalse(first.active() || first.wake());
        assertSame(first, p.decide(1, new int[]{7}), "the same total while armed: no new decision");
        assertEquals("threshold-hysteresis: 2 < 10", p.decide(2, new int[]{2}).reason());
        assertTrue(p.decide(3, new int[]{12}).wake());
        assertEquals("threshold-hysteresis: 7 >= 3 (holding until <= 3)", p.decide(4, new int[]{7}).reason());
        assertTrue(p.decide(5, new int[]{7}).active(), "still holding, not the armed decision for 7");
    }

    @Test
    void resetForgetsActiveState() {
        ThresholdHysteresisPolicy p = new ThresholdHysteresisPolicy(10, 3);
        assertTrue(p.decide(0, new int[]{10}).wake());
        assertFalse(p.decide(1, new int[]{10}).wake());
        p.reset();
        assertTrue(p.decide(2, new int[]{10}).wake());
    }

    @Test
    void refusesOffNotBelowOn() {
        assertThrows(IllegalArgumentException.class, () -> new ThresholdHysteresisPolicy(5, 5));
        assertThrows(IllegalArgumentException.class, () -> new ThresholdHysteresisPolicy(0, 0));
    }
}
