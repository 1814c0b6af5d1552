package dev.vigil.wake;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpikeCountAccumulatorTest {

    @Test
    void tumblingWindowCountsEachHopOnce() {
        SpikeCountAccumulator a = new SpikeCountAccumulator(2, 3, 1);
        a.spike(0);
        assertFalse(a.endStep());
        a.spike(1);
        a.spike(1);
        assertFalse(a.endStep());
        assertTrue(a.endStep());
        assertArrayEquals(new int[]{1, 2}, a.windowCounts());
        a.spike(0);
        a.endStep();
        a.endStep();
        assertTrue(a.endStep());
        assertArrayEquals(new int[]{1, 0}, a.windowCounts());
        assertEquals(2, a.windowsClosed());
    }

    @Test
    void slidingWindowSumsTheLastHops() {
        SpikeCountAccumulator a = new SpikeCountAccumulator(1, 1, 3);
        int[] perStep = {1, 2, 3, 4, 0, 0};
        int[] expected = {1, 3, 6, 9, 7, 4};
        for (int i = 0; i < perStep.length; i++) {
            for (int k = 0; k < perStep[i]; k++) {
                a.spike(0);
            }
            assertTrue(a.endStep());
            assertEquals(expected[i], a.windowTotal(), "window " + i);
        }
        assertEquals(3, a.stepsPerWindow());
    }

    @Test
    void aShortLastHopClosesWithItsCounts() {
        SpikeCountAccumulator a = new SpikeCountAccumulator(2, 4, 2);
        assertFalse(a.closePartialHop(), "nothing to close before the first step");
        a.spike(1);
        a.endStep();
        a.spike(0);
        a.endStep();
        assertEquals(2, a.stepsInHop());
        assertTrue(a.closePartialHop());
        assertArrayEquals(new int[]{1, 1}, a.windowCounts());
        assertEquals(1, a.windowsClosed());
        assertFalse(a.closePartialHop(), "a closed hop is not closed twice");
    }
}
