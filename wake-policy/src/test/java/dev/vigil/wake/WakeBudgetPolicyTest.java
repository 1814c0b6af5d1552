package dev.vigil.wake;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WakeBudgetPolicyTest {
    private static final long MINUTE = 60_000_000L;

    /** Alternating salient / quiet windows, so the inner rule wants to wake every other window. */
    private static boolean wakeAt(WakeBudgetPolicy p, long t) {
        boolean w = p.decide(t, new int[] {10}).wake();
        p.decide(t + 1, new int[] {0});
        return w;
    }

    @Test
    void burstIsSpentThenWakesAreRefusedUntilTheBucketRefills() {
        // 6 per hour = one token per 10 minutes, burst of 2
        WakeBudgetPolicy p = new WakeBudgetPolicy(new ThresholdHysteresisPolicy(10, 3), 6, 2);
        assertTrue(wakeAt(p, 0));
        assertTrue(wakeAt(p, 10));
        assertFalse(wakeAt(p, 20), "budget exhausted");
        assertEquals(1, p.refused());
        assertFalse(wakeAt(p, 9 * MINUTE), "9 minutes: not yet a whole token");
        assertTrue(wakeAt(p, 10 * MINUTE + 20), "one token after 10 minutes");
        assertFalse(wakeAt(p, 10 * MINUTE + 40));
        assertEquals(3, p.refused());
    }

    @Test
    void refillIsCappedAtTheBurst() {
        WakeBudgetPolicy p = new WakeBudgetPolicy(new ThresholdHysteresisPolicy(10, 3), 6, 2);
        wakeAt(p, 0);
        wakeAt(p, 10);
        long later = 24 * 60 * MINUTE;
        assertTrue(wakeAt(p, later));
        assertTrue(wakeAt(p, later + 10));
        assertFalse(wakeAt(p, later + 20), "a day of silence still gives only the burst of 2");
    }

    @Test
    void refusalsCarryTheBudgetRuleAndTheInnerReason() {
        WakeBudgetPolicy p = new WakeBudgetPolicy(new ThresholdHysteresisPolicy(10, 3), 1, 1);
        wakeAt(p, 0);
        WakeDecision d = p.decide(100, new int[] {12});
        assertFalse(d.wake());
        assertEquals("wake-budget", d.rule());
        assertEquals(WakeDecision.Outcome.REFUSED_BUDGET, d.outcome());
        assertTrue(d.reason().contains("budget of 1/h spent") && d.reason().contains("threshold-hysteresis: 12 >= 10"), d.reason());
    }
}
