package dev.vigil.sensors.features;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Log-mel frames against what a tone must give and against a direct, unoptimised computation. */
class LogMelTest {
    private static final double RATE = 16_000;

    /** Mel by the natural-log form of the HTK formula, written apart from the code under test. */
    private static double mel(double hz) {
        return 1127 * Math.log(1 + hz / 700);
    }

    @Test
    void aPureTonePeaksInTheBandHoldingItInEveryFrame() {
        LogMelSettings s = LogMelSettings.keywordSpotting(RATE);
        LogMel logMel = new LogMel(s);
        double bandMel = (mel(s.highHz()) - mel(s.lowHz())) / (s.bands() + 1);
        for (double f : new double[] {150, 440, 1000, 2500, 5000, 7200}) {
            SampleRing ring = new SampleRing(s.spanSamples());
            float[] tone = new float[s.spanSamples()];
            for (int i = 0; i < tone.length; i++) {
                tone[i] = (float) (0.5 * Math.sin(2 * Math.PI * f * i / RATE + 0.3));
            }
            ring.append(tone, 0, tone.length);
            float[] out = new float[s.size()];
            logMel.compute(ring, out);
            int expected = (int) Math.round((mel(f) - mel(s.lowHz())) / bandMel) - 1;
            for (int frame = 0; frame < s.frames(); frame++) {
                int best = 0;
                for (int b = 1; b < s.bands(); b++) {
                    if (out[b * s.frames() + frame] > out[best * s.frames() + frame]) {
                        best = b;
                    }
                }
                assertEquals(expected, best, f + " Hz, frame " + frame + ": the band centred nearest the tone");
                assertTrue(out[best * s.frames() + frame] > out[((best + 4) % s.bands()) * s.frames() + frame] + 5,
                        f + " Hz stands out by more than e^5 over a band four away");
            }
        }
    }

    @Test
    void matchesADirectComputationWithTheDefiningSumAndTriangles() {
        LogMelSettings s = new LogMelSettings(RATE, 25, 10, 40, 5, 20, 8000);
        SplittableRandom r = new SplittableRandom(3);
        float[] noise = new float[s.spanSamples()];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float) r.nextDouble(-0.3, 0.3);
        }
        SampleRing ring = new SampleRing(4096);
        ring.append(noise, 0, noise.length);
        float[] out = new float[s.size()];
        new LogMel(s).compute(ring, out);
        int n = 512;
        int window = 400;
        for (int frame = 0; frame < s.frames(); frame++) {
            double[] power = new double[n / 2 + 1];
            for (int k = 0; k <= n / 2; k++) {
                double re = 0;
                double im = 0;
                for (int m = 0; m < window; m++) {
                    double w = Math.pow(Math.sin(Math.PI * m / window), 2);
                    double v = w * noise[frame * 160 + m];
                    re += v * Math.cos(2 * Math.PI * k * m / n);
                    im -= v * Math.sin(2 * Math.PI * k * m / n);
                }
                power[k] = re * re + im * im;
            }
            for (int b = 0; b < 40; b++) {
                double step = (mel(8000) - mel(20)) / 41;
                double lo = mel(20) + b * step;
                double hi = lo + 2 * step;
                double e = 0;
                for (int k = 0; k <= n / 2; k++) {
                    double m = mel(k * RATE / n);
                    double toHz = 700 * (Math.exp((lo + step) / 1127) - 1);
                    double loHz = 700 * (Math.exp(lo / 1127) - 1);
                    double hiHz = 700 * (Math.exp(hi / 1127) - 1);
                    double f = k * RATE / n;
                    if (m > lo && m < hi) {
                        e += power[k] * (f <= toHz ? (f - loHz) / (toHz - loHz) : (hiHz - f) / (hiHz - toHz));
                    }
                }
                assertEquals(Math.log(e + 1e-6), out[b * s.frames() + frame], 1e-4, "frame " + frame + " band " + b);
            }
        }
    }

    @Test
    void silenceGivesTheFloorAndMfccOfAFlatFrameIsItsScaledMean() {
        LogMelSettings s = LogMelSettings.keywordSpotting(RATE);
        SampleRing ring = new SampleRing(s.spanSamples());
        ring.append(new float[s.spanSamples()], 0, s.spanSamples());
        float[] out = new float[s.size()];
        new LogMel(s).compute(ring, out);
        for (float v : out) {
            assertEquals(Math.log(LogMel.FLOOR), v, 1e-6);
        }
        Mfcc mfcc = new Mfcc(s.bands(), s.frames(), 13);
        float[] c = new float[mfcc.size()];
        mfcc.compute(out, c);
        for (int f = 0; f < s.frames(); f++) {
            assertEquals(Math.log(LogMel.FLOOR) * Math.sqrt(40), c[f], 1e-4, "c0 of a flat frame");
            for (int k = 1; k < 13; k++) {
                assertEquals(0, c[k * s.frames() + f], 1e-4, "c" + k + " of a flat frame");
            }
        }
    }
}
