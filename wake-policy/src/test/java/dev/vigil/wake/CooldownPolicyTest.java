package dev.vigil.wake;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CooldownPolicyTest {

    @Test
    void wakesInsideTheCooldownAreRefusedAndCountedThenAllowedAtItsEnd() {
        CooldownPolicy p = new CooldownPolicy(new ThresholdHysteresisPolicy(10, 3), 200_000);
        // 50 ms windows; the inner rule would wake at 0, 2, 4 and 6 (re-arming at 1, 3, 5)
        List<WakeDecision> ds = Decisions.run(p, 50_000, 10, 0, 10, 0, 10, 0, 10);
        assertEquals(List.of(0, 4), Decisions.wakeIndices(ds), "4 is exactly 200 ms after 0; 6 is 100 ms after 4");
        assertEquals(2, p.refused());
        WakeDecision refused = ds.get(2);
        assertFalse(refused.wake());
        assertEquals(WakeDecision.Outcome.REFUSED_COOLDOWN, refused.outcome());
        assertTrue(refused.outcome().refused());
        assertTrue(refused.reason().startsWith("cooldown: 10 >= 10 (refused, 100 ms since last wake < 200 ms"), refused.reason());
    }

    @Test
    void refusesNonPositiveCooldown() {
        assertThrows(IllegalArgumentException.class, () -> new CooldownPolicy(new ThresholdHysteresisPolicy(2, 1), 0));
    }
}
