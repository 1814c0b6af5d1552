package dev.vigil.wake;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdaptiveBaselinePolicyTest {

    @Test
    void slowDriftIsFollowedWithoutWakingWhileAStepAboveItWakes() {
        AdaptiveBaselinePolicy p = new AdaptiveBaselinePolicy(10, 4, 3);
        ThresholdHysteresisPolicy fixed = new ThresholdHysteresisPolicy(30, 24);
        int wakes = 0;
        int fixedWakes = 0;
        // background drifting from 20 to 60 spikes per window over 400 windows
        for (int i = 0; i < 400; i++) {
            int total = 20 + i / 10;
            wakes += p.decide(i, new int[] {total}).wake() ? 1 : 0;
            fixedWakes += fixed.decide(i, new int[] {total}).wake() ? 1 : 0;
        }
        assertEquals(0, wakes, "drift must not wake the adaptive policy");
        assertEquals(1, fixedWakes, "a fixed threshold is crossed by the drift itself");
        assertEquals(59, p.baseline(), 1.5);
        WakeDecision d = p.decide(400, new int[] {59 + 12});
        assertTrue(d.wake(), d.reason());
        assertTrue(d.reason().contains("baseline"), d.reason());
        assertTrue(p.decide(401, new int[] {59 + 8}).note().startsWith("baseline "), "held: names the baseline");
        p.decide(402, new int[] {0});
        assertEquals("", p.decide(403, new int[] {0}).note(), "armed and quiet: no note built");
    }

    @Test
    void baselineIsFrozenDuringAnEvent() {
        AdaptiveBaselinePolicy p = new AdaptiveBaselinePolicy(10, 4, 1);
        for (int i = 0; i < 20; i++) {
            p.decide(i, new int[] {10});
        }
        assertTrue(p.decide(20, new int[] {40}).wake());
        for (int i = 21; i < 60; i++) {
            assertFalse(p.decide(i, new int[] {40}).wake());
        }
        assertEquals(10, p.baseline(), 1e-9, "a long event does not raise the baseline");
        assertTrue(p.decide(60, new int[] {40}).active());
    }
}
