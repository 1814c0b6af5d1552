package dev.vigil.sensors.features;

import dev.vigil.sensors.Batch;
import dev.vigil.sensors.SampleBatch;
import dev.vigil.sensors.SensorSource;
import dev.vigil.sensors.encode.BearingGeometry;
import dev.vigil.sensors.formats.FormatOptions;
import dev.vigil.sensors.formats.TestData;
import dev.vigil.sensors.logs.LogFormats;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Magnitude and envelope spectra against a known sine, a synthetic bearing fault and a real one. */
class VibrationSpectraTest {
    private static final double RATE = 12_000;

    @Test
    void aSineShowsItsAmplitudeAtItsFrequency() {
        SpectrumSettings s = new SpectrumSettings(RATE, 4096, 2000, 4000, 500);
        int bin = 300;
        double f = bin * s.binHz();
        SampleRing ring = new SampleRing(4096);
        for (int i = 0; i < 4096; i++) {
            ring.append(new float[] {(float) (0.3 * Math.cos(2 * Math.PI * f * i / RATE) + 0.05)}, 0, 1);
        }
        float[] magnitude = new float[s.spectrumBins()];
        new VibrationSpectra(s).compute(ring, magnitude, null);
        assertEquals(0.3, magnitude[bin], 0.003);
        assertEquals(0.15, magnitude[bin + 1], 0.003, "Hann leaks half into each neighbour");
        assertEquals(0, magnitude[bin + 5], 1e-4);
        assertEquals(0, magnitude[0], 1e-4, "the mean is removed");
    }

    @Test
    void aSyntheticBearingFaultShowsItsDefectLineInTheEnvelopeSpectrumOnly() {
        double defectHz = 97.3;
        SpectrumSettings s = new SpectrumSettings(RATE, 16384, 2200, 3800, 500);
        SplittableRandom r = new SplittableRandom(8);
        float[] x = new float[16384];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (0.8 * Math.sin(2 * Math.PI * 29.95 * i / RATE) + r.nextGaussian() * 0.25);
        }
        // an impact per defect period (1 % timing jitter, as rolling elements slip), each ringing the 3 kHz resonance
        for (double t = 0.002; t < x.length / RATE; t += (1 + r.nextDouble(-0.01, 0.01)) / defectHz) {
            int at = (int) (t * RATE);
            for (int i = 0; at + i < x.length && i < 120; i++) {
                x[at + i] += (float) (0.6 * Math.exp(-i / (RATE * 0.0015)) * Math.sin(2 * Math.PI * 3000 * i / RATE));
            }
        }
        SampleRing ring = new SampleRing(16384);
        ring.append(x, 0, x.length);
        float[] magnitude = new float[s.spectrumBins()];
        float[] envelope = new float[s.envelopeBins()];
        new VibrationSpectra(s).compute(ring, magnitude, envelope);
        int top = s.envelopeBins() - 1;
        int peak = argmax(envelope, bin(20, s), top);
        assertEquals(defectHz, peak * s.binHz(), s.binHz(), "strongest envelope line in 20..500 Hz");
        double floor = median(envelope, bin(20, s), top);
        assertTrue(envelope[peak] > 10 * floor, envelope[peak] + " against a median of " + floor);
        int defectBin = (int) Math.round(defectHz / s.binHz());
        double raw = max(magnitude, defectBin - 2, defectBin + 2);
        double rawFloor = median(magnitude, bin(20, s), top);
        assertTrue(raw < 2 * rawFloor, "the raw spectrum shows no line at the defect frequency: " + raw + " vs " + rawFloor);
    }

    @Test
    void theRealCwruInnerRaceFaultShowsItsLineNearBpfi() throws IOException {
        double shaftHz = 1797 / 60.0;
        double bpfi = BearingGeometry.skf6205().bpfi(shaftHz);
        assertEquals(162.2, bpfi, 0.1, "5.4152 x shaft rate");
        SpectrumSettings s = new SpectrumSettings(RATE, 16384, 2000, 4500, 500);
        float[] inner = envelopeOf("cwru_X105_inner007_0hp_12kDE.mat", s);
        int from = bin(100, s);
        int to = bin(250, s);
        int peak = argmax(inner, from, to);
        assertEquals(bpfi, peak * s.binHz(), 2.0, "strongest envelope line in 100..250 Hz");
        double innerRatio = inner[peak] / median(inner, from, to);
        assertTrue(innerRatio > 30, "the BPFI line against the median of 100..250 Hz: " + innerRatio);
        float[] ball = envelopeOf("cwru_X118_ball007_0hp_12kDE.mat", s);
        double ballRatio = max(ball, bin(bpfi - 2, s), bin(bpfi + 2, s)) / median(ball, from, to);
        assertTrue(ballRatio < innerRatio / 5, "a ball fault shows no such line at BPFI: " + ballRatio + " vs " + innerRatio);
    }

    /** The envelope spectrum of the 16,384 drive-end samples from 2 s into a CWRU recording. */
    private static float[] envelopeOf(String file, SpectrumSettings s) throws IOException {
        SampleRing ring = new SampleRing(4 * s.fftSize());
        long wanted = (long) (2 * RATE) + s.fftSize();
        try (SensorSource src = LogFormats.open(TestData.shared("vibration/" + file),
                FormatOptions.defaults().withSampleRate(RATE).withUnits("g"))) {
            for (Batch b; ring.written() < wanted && (b = src.next()) != null; ) {
                if (b instanceof SampleBatch sb) {
                    ring.append(sb, 0);
                }
            }
        }
        float[] envelope = new float[s.envelopeBins()];
        new VibrationSpectra(s).compute(ring, (long) (2 * RATE) + s.fftSize(), null, envelope);
        return envelope;
    }

    static int bin(double hz, SpectrumSettings s) {
        return (int) Math.round(hz / s.binHz());
    }

    static int argmax(float[] v, int from, int to) {
        int best = from;
        for (int i = from; i <= to; i++) {
            best = v[i] > v[best] ? i : best;
        }
        return best;
    }

    static double max(float[] v, int from, int to) {
        return v[argmax(v, from, to)];
    }

    static double median(float[] v, int from, int to) {
        float[] part = Arrays.copyOfRange(v, from, to + 1);
        Arrays.sort(part);
        return part[part.length / 2];
    }
}
