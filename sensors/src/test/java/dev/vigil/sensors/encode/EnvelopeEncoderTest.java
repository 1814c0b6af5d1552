package dev.vigil.sensors.encode;

import dev.vigil.sensors.StreamKind;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EnvelopeEncoderTest {
    private static final double RATE = 12_000;
    private static final double SHAFT_HZ = 1797 / 60.0;

    /** An inner-race fault: impacts at {@code rateHz}, each ringing a 3 kHz resonance, over noise. */
    private static double faulty(int i, double rateHz, double[] noise) {
        double t = i / RATE;
        double sinceImpact = t - Math.floor(t * rateHz) / rateHz;
        double ring = Math.exp(-sinceImpact * 800) * Math.sin(2 * Math.PI * 3000 * sinceImpact);
        return ring + 0.3 * Math.sin(2 * Math.PI * SHAFT_HZ * t) + noise[i % noise.length];
    }

    private static double[] noise(long seed, double rms) {
        Random r = new Random(seed);
        double[] n = new double[(int) RATE];
        for (int i = 0; i < n.length; i++) {
            n[i] = rms * r.nextGaussian();
        }
        return n;
    }

    @Test
    void anImpulseTrainAtBpfiGivesImpactSpikesAtThatRateAndOnlyTheBpfiResonatorFires() {
        double[] defects = BearingGeometry.skf6205().defectFrequencies(SHAFT_HZ);
        double bpfi = defects[1];
        EnvelopeEncoder enc = new EnvelopeEncoder(RATE, 1, 2000, 4500, 500, defects, 2.5);
        assertEquals(4, enc.channels());
        int[] perChannel = new int[4];
        double[] n = noise(1, 0.05);
        double seconds = 4;
        long[] first = {Long.MAX_VALUE};
        long[] last = {0};
        EncoderFixtures.feed(enc, StreamKind.VIBRATION, RATE, seconds, i -> faulty(i, bpfi, n), (t, ch) -> {
            perChannel[ch]++;
            if (ch == 0) {
                first[0] = Math.min(first[0], t);
                last[0] = t;
            }
        });
        double impactRate = (perChannel[0] - 1) / ((last[0] - first[0]) / 1e6);
        assertEquals(bpfi, impactRate, 0.03 * bpfi, "impact spikes per second, BPFI = " + bpfi);
        // the BPFI resonator follows the impacts; BPFO and BSF fire far less
        assertTrue(perChannel[2] > 0.8 * bpfi * 3, "BPFI channel " + perChannel[2]);
        assertTrue(perChannel[1] < perChannel[2] / 2 && perChannel[3] < perChannel[2] / 2,
                "BPFO " + perChannel[1] + ", BPFI " + perChannel[2] + ", BSF " + perChannel[3]);
    }

    @Test
    void aHealthyMachineGivesAlmostNoImpactSpikes() {
        double[] defects = BearingGeometry.skf6205().defectFrequencies(SHAFT_HZ);
        EnvelopeEncoder enc = new EnvelopeEncoder(RATE, 1, 2000, 4500, 500, defects, 2.5);
        int[] perChannel = new int[4];
        double[] n = noise(2, 0.05);
        EncoderFixtures.feed(enc, StreamKind.VIBRATION, RATE, 4,
                i -> 0.3 * Math.sin(2 * Math.PI * SHAFT_HZ * i / RATE) + n[i % n.length], (t, ch) -> perChannel[ch]++);
        // Gaussian noise's envelope exceeds 3x its mean rarely: a few per second at most, against 162/s for the fault
        assertTrue(perChannel[0] < 4 * 5, "impact spikes on a healthy signal: " + perChannel[0]);
    }
}
