package dev.vigil.wake;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KOfNPolicyTest {

    @Test
    void aLoneSalientWindowDoesNotWakeButThreeOfFiveDo() {
        KOfNPolicy p = new KOfNPolicy(new ThresholdHysteresisPolicy(10, 9), 3, 5);
        // windows 1 (lone spike), then 4, 6, 7 salient: the third salient window inside 5 is index 7
        List<WakeDecision> ds = Decisions.run(p, 50_000, 0, 12, 0, 0, 11, 0, 12, 13, 0, 0, 0, 0, 0);
        assertEquals(List.of(7), Decisions.wakeIndices(ds));
        assertEquals(3, ds.get(7).value());
        assertTrue(ds.get(7).reason().startsWith("k-of-n: 3 >= 3 (of last 5; threshold-hysteresis"), ds.get(7).reason());
        assertEquals("k-of-n: 1 < 3 (of last 5)", ds.get(2).reason(), "a quiet window names only the count");
    }

    @Test
    void reArmsOnlyWhenFewerThanKRemainInTheWindow() {
        KOfNPolicy p = new KOfNPolicy(new ThresholdHysteresisPolicy(10, 9), 2, 3);
        List<WakeDecision> ds = Decisions.run(p, 1, 10, 10, 10, 0, 10, 0, 0, 0, 10, 10);
        // salient count per window: 1,2,3,2,2,1,0,0,1,2 -> wakes at 1 and (after falling below 2 at 5) at 9
        assertEquals(List.of(1, 9), Decisions.wakeIndices(ds));
    }

    @Test
    void refusesKAboveN() {
        assertThrows(IllegalArgumentException.class, () -> new KOfNPolicy(new ThresholdHysteresisPolicy(2, 1), 4, 3));
    }
}
