package dev.vigil.sensors.encode;

import dev.vigil.sensors.StreamKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BandDeltaEncoderTest {
    private static final double RATE = 16_000;

    private static int[] upSpikesPerBand(BandDeltaEncoder enc, double toneHz) {
        int[] up = new int[enc.channels() / 2];
        // 0.5 s of silence (warm-up), then the tone switches on
        EncoderFixtures.feed(enc, StreamKind.AUDIO, RATE, 1.0,
                i -> i < RATE / 2 ? 0 : 0.02 * Math.sin(2 * Math.PI * toneHz * i / RATE), (t, ch) -> {
                    if (ch % 2 == 0) {
                        up[ch / 2]++;
                    }
                });
        return up;
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 7, 12})
    void aPureToneSpikesMostInTheBandHoldingItsFrequency(int band) {
        BandDeltaEncoder enc = new BandDeltaEncoder(RATE, 16, 100, 6000, 3, -60, 10);
        double tone = enc.centreHz(band);
        int[] up = upSpikesPerBand(enc, tone);
        int best = 0;
        for (int k = 1; k < up.length; k++) {
            if (up[k] > up[best]) {
                best = k;
            }
        }
        assertEquals(band, best, "tone at " + tone + " Hz; UP spikes per band " + java.util.Arrays.toString(up));
        // a -34 dBFS tone: bands four steps (1.6 octaves) away or more stay near the -60 dB floor
        for (int k = 0; k < up.length; k++) {
            if (Math.abs(k - band) >= 4) {
                assertTrue(up[k] * 2 < up[band], "band " + k + " got " + up[k] + " vs " + up[band] + ": " + java.util.Arrays.toString(up));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void refractoryTimeSpacesAChannelsSpikesInFloatingAndFixedPoint(boolean fixedPoint) {
        SpikeEncoder enc = fixedPoint ? new FixedPointBandEncoder(RATE, 16, 100, 6000, 1, -60, 2, 20_000)
                : new BandDeltaEncoder(RATE, 16, 100, 6000, 1, -60, 2, 20_000);
        long[] last = new long[enc.channels()];
        java.util.Arrays.fill(last, Long.MIN_VALUE / 2);
        long[] minGap = {Long.MAX_VALUE};
        int[] total = new int[1];
        EncoderFixtures.feed(enc, StreamKind.AUDIO, RATE, 1.0,
                i -> i < RATE / 2 ? 0 : 0.5 * Math.sin(2 * Math.PI * 1000 * i / RATE), (t, ch) -> {
                    minGap[0] = Math.min(minGap[0], t - last[ch]);
                    last[ch] = t;
                    total[0]++;
                });
        assertTrue(total[0] > 0);
        assertTrue(minGap[0] >= 20_000, "two spikes of one channel " + minGap[0] + " us apart");
    }
}
