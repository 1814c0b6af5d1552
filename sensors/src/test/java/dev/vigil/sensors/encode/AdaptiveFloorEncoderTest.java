package dev.vigil.sensors.encode;

import dev.vigil.sensors.SampleBatch;
import dev.vigil.sensors.StreamDescriptor;
import dev.vigil.sensors.StreamKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdaptiveFloorEncoderTest {
    private static final double RATE = 16_000;

    private static AdaptiveFloorEncoder encoder() {
        return new AdaptiveFloorEncoder(RATE, 16, 100, 6000, -60, 20, 9, 1000, 50, 100);
    }

    /** Spikes per band per 100 ms slot of {@code seconds} of {@code signal}. */
    private static int[][] spikes(AdaptiveFloorEncoder enc, double seconds, java.util.function.IntToDoubleFunction signal) {
        int[][] perSlot = new int[(int) Math.ceil(seconds * 10)][enc.channels()];
        EncoderFixtures.feed(enc, StreamKind.AUDIO, RATE, seconds, signal, (t, ch) -> perSlot[(int) (t / 100_000)][ch]++);
        return perSlot;
    }

    private static int total(int[][] perSlot, double fromS, double toS) {
        int n = 0;
        for (int s = (int) (fromS * 10); s < (int) (toS * 10); s++) {
            n += Arrays.stream(perSlot[s]).sum();
        }
        return n;
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aSteadyToneOrNoiseStopsSpikingOnceTheFloorHasCaughtUp(boolean noise) {
        Random r = new Random(1);
        AdaptiveFloorEncoder enc = encoder();
        // 0.5 s of near silence, then a loud steady tone (or white noise) for 7.5 s
        int[][] s = spikes(enc, 8, i -> {
            double quiet = 1e-4 * r.nextGaussian();
            if (i < RATE / 2) {
                return quiet;
            }
            return quiet + (noise ? 0.1 * r.nextGaussian() : 0.1 * Math.sin(2 * Math.PI * 1000 * i / RATE));
        });
        int onset = total(s, 0.5, 1.5);
        int late = total(s, 4, 8);
        assertTrue(onset > 50, "the onset spikes: " + onset);
        assertEquals(0, late, "4 s on, the floor has caught up with the steady " + (noise ? "noise" : "tone") + ": " + late + " spikes");
    }

    @Test
    void aQuieterOnsetOnTopOfNoiseSpikesInItsBand() {
        Random r = new Random(2);
        AdaptiveFloorEncoder enc = encoder();
        int band = 8;
        double tone = enc.centreHz(band);
        // white noise at -26 dB RMS throughout; from 5 s to 5.5 s a tone at -29 dB RMS, 3 dB quieter than the noise but
        // about 12 dB above the noise in its band
        int[][] s = spikes(enc, 6, i -> 0.05 * r.nextGaussian()
                + (i >= 5 * RATE && i < 5.5 * RATE ? 0.05 * Math.sin(2 * Math.PI * tone * i / RATE) : 0));
        int before = total(s, 3, 5);
        int during = total(s, 5, 5.5);
        int inBand = 0;
        for (int slot = 50; slot < 55; slot++) {
            inBand += s[slot][band];
        }
        assertTrue(before <= 2, "steady noise before the tone: " + before + " spikes in 2 s");
        assertTrue(during >= 5, "the tone, quieter than the noise overall, spikes: " + during);
        assertTrue(inBand * 2 > during, "mostly in its band " + band + ": " + inBand + " of " + during);
    }

    @Test
    void theFloorFollowsALevelThatDropsFasterThanOneThatRises() {
        AdaptiveFloorEncoder enc = encoder();
        int band = 8;
        double tone = enc.centreHz(band);
        spikes(enc, 3, i -> 0.1 * Math.sin(2 * Math.PI * tone * i / RATE));
        double loud = enc.floorDb(band);
        // 0.3 s after the tone drops by 40 dB, the floor has followed it most of the way
        EncoderFixtures.feed(enc, StreamKind.AUDIO, RATE, 0.3, i -> 0.001 * Math.sin(2 * Math.PI * tone * i / RATE), (t, ch) -> { });
        assertTrue(enc.floorDb(band) < loud - 35, "floor " + enc.floorDb(band) + " dB after a drop from " + loud + " dB");
    }

    @Test
    void encodingAllocatesNothingPerSample() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        AdaptiveFloorEncoder enc = encoder();
        StreamDescriptor d = StreamDescriptor.sampled(0, StreamKind.AUDIO, "a", RATE, 1, "FS");
        SampleBatch b = new SampleBatch(d, 1600);
        Random r = new Random(3);
        for (int i = 0; i < 1600; i++) {
            b.samples()[i] = (float) (r.nextGaussian() * (i % 3200 < 800 ? 0.3 : 0.01));
        }
        long[] sum = new long[1];
        SpikeSink sink = (t, ch) -> sum[0] += ch + 1;
        long[] t = {0};
        Runnable round = () -> {
            for (int k = 0; k < 200; k++) {
                b.set(t[0], 1600);
                t[0] += 100_000;
                enc.encode(b, sink);
            }
        };
        round.run();
        long before = threads.getCurrentThreadAllocatedBytes();
        round.run();
        long bytes = threads.getCurrentThreadAllocatedBytes() - before;
        assertTrue(bytes * 1000 < 200L * 1600, bytes + " bytes allocated for " + 200 * 1600 + " samples");
        assertTrue(sum[0] > 0, "the bursts spike");
    }
}
