package dev.vigil.sensors.features;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The documented int8 scales of each view. */
class Int8ScaleTest {

    @Test
    void logMelSilenceIsTheBottomAndAFullScaleToneFits() {
        assertEquals(-128, Int8Scale.LOG_MEL.quantise(Math.log(LogMel.FLOOR)));
        assertEquals(102, Int8Scale.LOG_MEL.quantise(9.2));
        assertEquals(0, Int8Scale.LOG_MEL.quantise(-1.0));
    }

    @Test
    void spectraAreQuantisedLogarithmically() {
        assertEquals(0, Int8Scale.SPECTRUM.quantise(0.0025));
        assertEquals(86, Int8Scale.SPECTRUM.quantise(0.18));
        assertEquals(127, Int8Scale.SPECTRUM.quantise(1.5));
        assertEquals(-128, Int8Scale.SPECTRUM.quantise(4.0e-6));
        assertEquals(-128, Int8Scale.SPECTRUM.quantise(0), "zero is clamped, not -infinity");
        assertEquals(0.18, Int8Scale.SPECTRUM.value(86), 0.18 * 0.025, "within half a step");
    }

    @Test
    void eventCountsSaturateAt127() {
        int[] out = new int[3];
        Int8Scale.EVENT_COUNTS.quantise(new int[] {0, 5, 300}, 3, out);
        assertArrayEquals(new int[] {0, 5, 127}, out);
        assertThrows(IllegalArgumentException.class, () -> new Int8Scale(0, 0, false));
    }
}
