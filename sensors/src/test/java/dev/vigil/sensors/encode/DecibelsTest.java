package dev.vigil.sensors.encode;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DecibelsTest {
    @Test
    void matchesTwentyLog10WithinAMicroDecibel() {
        Random r = new Random(4);
        for (int i = 0; i < 100_000; i++) {
            double magnitude = Math.pow(10, -300 + 600 * r.nextDouble());
            assertEquals(20 * Math.log10(magnitude), Decibels.of(magnitude), 1e-6, "magnitude " + magnitude);
        }
        for (double exact : new double[] {1, 2, 0.5, 10, 1e-3, Double.MIN_NORMAL, Double.MAX_VALUE}) {
            assertEquals(20 * Math.log10(exact), Decibels.of(exact), 1e-6, "magnitude " + exact);
        }
    }

    @Test
    void zeroAndSubnormalMagnitudesLieBelowTheirBound() {
        for (double tiny : new double[] {0, Double.MIN_VALUE, Double.MIN_NORMAL / 2, Math.nextDown(Double.MIN_NORMAL)}) {
            assertTrue(Decibels.of(tiny) <= Decibels.ZERO_ABOVE, tiny + ": " + Decibels.of(tiny) + " dB");
        }
    }
}
