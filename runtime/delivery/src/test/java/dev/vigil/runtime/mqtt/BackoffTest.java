package dev.vigil.runtime.mqtt;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BackoffTest {

    @Test
    void ceilingsDoubleUpToTheMaximumAndDelaysStayUnderThem() {
        Backoff b = new Backoff(100, 1000, new SplittableRandom(1));
        long[] ceilings = {100, 200, 400, 800, 1000, 1000};
        for (long c : ceilings) {
            assertEquals(c, b.ceilingMs());
            long d = b.nextDelayMs();
            assertTrue(d >= 0 && d <= c, d + " within [0, " + c + "]");
        }
        b.reset();
        assertEquals(100, b.ceilingMs());
    }

    @Test
    void delaysAreJitteredNotEqual() {
        Backoff b = new Backoff(1000, 1000, new SplittableRandom(7));
        long min = Long.MAX_VALUE;
        long max = 0;
        for (int i = 0; i < 200; i++) {
            long d = b.nextDelayMs();
            min = Math.min(min, d);
            max = Math.max(max, d);
        }
        assertTrue(min < 200 && max > 800, "full jitter spreads over [0, ceiling]: " + min + ".." + max);
    }
}
