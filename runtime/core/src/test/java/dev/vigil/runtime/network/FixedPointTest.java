package dev.vigil.runtime.network;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The three operations of the CUBA LIF fixed point, at their edges. */
class FixedPointTest {

    @Test
    void decayRoundsTowardZeroOnBothSides() {
        // 640 * 4095 / 4096 = 639.84: 639 for +640, -639 (not the floor, -640) for -640
        assertEquals(639, FixedPoint.decay(640, 1));
        assertEquals(-639, FixedPoint.decay(-640, 1));
        assertEquals(-640, FixedPoint.decay(-1280, 2048));
        assertEquals(1234567, FixedPoint.decay(1234567, 0));
        assertEquals(0, FixedPoint.decay(-1234567, FixedPoint.DECAY_ONE));
    }

    @Test
    void currentWrapsOnceAroundTwentyFourBits() {
        int limit = FixedPoint.STATE_LIMIT;
        assertEquals(limit, FixedPoint.wrap24(limit));
        assertEquals(-limit + 1, FixedPoint.wrap24(limit + 1));
        assertEquals(limit, FixedPoint.wrap24(-limit));
        assertEquals(-limit + 1, FixedPoint.wrap24(-limit + 1));
        assertEquals(9363456 - (1 << 24), FixedPoint.wrap24(9363456));
    }

    @Test
    void voltageSaturatesOneShortOfTwoToTheTwentyThree() {
        assertEquals((1 << 23) - 1, FixedPoint.clamp24(1L << 40));
        assertEquals(-(1 << 23) + 1, FixedPoint.clamp24(-12484608));
        assertEquals(-8323072, FixedPoint.clamp24(-8323072));
    }
}
