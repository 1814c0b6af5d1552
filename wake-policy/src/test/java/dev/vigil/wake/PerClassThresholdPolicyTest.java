package dev.vigil.wake;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PerClassThresholdPolicyTest {
    private final PerClassThresholdPolicy p = new PerClassThresholdPolicy(new int[] {5, 20, 0}, new int[] {1, 10, 0},
            List.of("speech", "noise", "ignored"));

    @Test
    void eachClassHasItsOwnThresholdAndTheReasonNamesIt() {
        assertFalse(p.decide(0, new int[] {4, 19, 1000}).wake(), "below both, ignored class does not count");
        WakeDecision d = p.decide(1, new int[] {5, 3, 0});
        assertTrue(d.wake());
        assertEquals("per-class: 5 >= 5 (class speech)", d.reason());
    }

    @Test
    void staysQuietUntilEveryClassIsBackAtItsReArmLevel() {
        assertTrue(p.decide(0, new int[] {0, 25, 0}).wake());
        assertFalse(p.decide(1, new int[] {6, 11, 0}).wake(), "still active: noise above 10");
        assertTrue(p.decide(1, new int[] {6, 11, 0}).active());
        assertFalse(p.decide(2, new int[] {1, 10, 0}).active(), "both at re-arm level");
        assertTrue(p.decide(3, new int[] {5, 0, 0}).wake());
    }

    @Test
    void refusesAllIgnoredOrOffNotBelowOn() {
        assertThrows(IllegalArgumentException.class, () -> new PerClassThresholdPolicy(new int[] {0}, new int[] {0}, List.of("a")));
        assertThrows(IllegalArgumentException.class, () -> new PerClassThresholdPolicy(new int[] {3}, new int[] {3}, List.of("a")));
        assertThrows(IllegalArgumentException.class, () -> p.decide(0, new int[] {1, 2}));
    }
}
