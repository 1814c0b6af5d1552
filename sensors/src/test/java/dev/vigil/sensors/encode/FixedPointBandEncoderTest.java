package dev.vigil.sensors.encode;

import dev.vigil.sensors.StreamKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FixedPointBandEncoderTest {
    private static final double RATE = 16_000;

    private static int[] upSpikes(SpikeEncoder enc, double toneHz, double amplitude) {
        int[] up = new int[enc.channels() / 2];
        EncoderFixtures.feed(enc, StreamKind.AUDIO, RATE, 1.0,
                i -> i < RATE / 2 ? 0 : amplitude * Math.sin(2 * Math.PI * toneHz * i / RATE), (t, ch) -> {
                    if (ch % 2 == 0) {
                        up[ch / 2]++;
                    }
                });
        return up;
    }

    private static int argmax(int[] v) {
        int best = 0;
        for (int k = 1; k < v.length; k++) {
            if (v[k] > v[best]) {
                best = k;
            }
        }
        return best;
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 8, 13})
    void aPureToneSpikesInItsBandAndCloseToTheFloatingPointEncoder(int band) {
        FixedPointBandEncoder fixed = new FixedPointBandEncoder(RATE, 16, 100, 6000, 3, -60, 8, 0);
        BandDeltaEncoder real = new BandDeltaEncoder(RATE, 16, 100, 6000, 3, -60, 8);
        double tone = fixed.centreHz(band);
        int[] f = upSpikes(fixed, tone, 0.02);
        int[] d = upSpikes(real, tone, 0.02);
        assertEquals(band, argmax(f), java.util.Arrays.toString(f));
        // a -34 dBFS tone rises about 26 dB above the -60 dB floor: 8 or 9 steps of 3 dB in its own band
        assertTrue(Math.abs(f[band] - d[band]) <= 1, "fixed " + f[band] + " vs float " + d[band]);
    }

    @Test
    void log2Q8IsWithinHalfADecibel() {
        for (int v = 1; v < 1 << 24; v = v * 3 + 1) {
            double exact = Math.log(v) / Math.log(2) * 256;
            assertTrue(Math.abs(FixedPointBandEncoder.log2Q8(v) - exact) <= 0.09 * 256, "v=" + v);
        }
        assertEquals(10 << 8, FixedPointBandEncoder.log2Q8(1024));
    }
}
