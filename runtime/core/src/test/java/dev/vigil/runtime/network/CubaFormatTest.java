package dev.vigil.runtime.network;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The three operations of the CUBA LIF fixed point, at their edges, in Loihi's format. */
class CubaFormatTest {
    private static final CubaFormat LOIHI = CubaFormat.LOIHI;

    @Test
    void loihisConstantsAreTheDocumentedOnes() {
        assertEquals(4096, LOIHI.decayOne());
        assertEquals(1 << 23, LOIHI.stateLimit());
        assertEquals(131071, (1 << LOIHI.thresholdBits()) - 1);
        assertEquals(64, 1 << LOIHI.alignShift());
    }

    @Test
    void decayRoundsTowardZeroOnBothSides() {
        // 640 * 4095 / 4096 = 639.84: 639 for +640, -639 (not the floor, -640) for -640
        assertEquals(639, LOIHI.decay(640, 1));
        assertEquals(-639, LOIHI.decay(-640, 1));
        assertEquals(-640, LOIHI.decay(-1280, 2048));
        assertEquals(1234567, LOIHI.decay(1234567, 0));
        assertEquals(0, LOIHI.decay(-1234567, LOIHI.decayOne()));
    }

    @Test
    void currentWrapsOnceAroundTwentyFourBits() {
        long limit = LOIHI.stateLimit();
        assertEquals(limit, LOIHI.wrap(limit));
        assertEquals(-limit + 1, LOIHI.wrap(limit + 1));
        assertEquals(limit, LOIHI.wrap(-limit));
        assertEquals(-limit + 1, LOIHI.wrap(-limit + 1));
        assertEquals(9363456 - (1 << 24), LOIHI.wrap(9363456));
    }

    @Test
    void voltageSaturatesOneShortOfTwoToTheTwentyThree() {
        assertEquals((1 << 23) - 1, LOIHI.saturate(1L << 40));
        assertEquals(-(1 << 23) + 1, LOIHI.saturate(-12484608));
        assertEquals(-8323072, LOIHI.saturate(-8323072));
    }
}
