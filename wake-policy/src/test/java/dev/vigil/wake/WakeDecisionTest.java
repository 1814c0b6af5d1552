package dev.vigil.wake;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WakeDecisionTest {

    @Test
    void aRefusalKeepsWhatTheTriggerSawAndSaysWhoRefused() {
        WakeDecision wake = WakeDecision.wake("threshold-hysteresis", 12, 10, "");
        WakeDecision refused = wake.refusedBy(WakeDecision.Outcome.REFUSED_BUDGET, "wake-budget", "refused, budget spent");
        assertFalse(refused.wake());
        assertTrue(refused.active());
        assertEquals(12, refused.value());
        assertEquals("wake-budget: 12 >= 10 (refused, budget spent; threshold-hysteresis: 12 >= 10)", refused.reason());
    }

    @Test
    void onlyRefusalsCanRefuse() {
        WakeDecision wake = WakeDecision.wake("threshold-hysteresis", 12, 10, "");
        assertThrows(IllegalArgumentException.class, () -> wake.refusedBy(WakeDecision.Outcome.QUIET, "x", "y"));
        assertFalse(WakeDecision.Outcome.WAKE.refused());
        assertFalse(WakeDecision.Outcome.QUIET.refused());
        assertTrue(WakeDecision.Outcome.HELD_BY_FUSION.refused());
    }
}
