package dev.vigil.runtime.learn;

import java.util.SplittableRandom;

/**
 * Log-mel frames ({@code bands × frames}, band-major) as another voice and another microphone would give
 * them, for training a keyword head on synthetic speech that must then hear real speakers: the mel axis
 * stretched by a factor of {@value #MIN_STRETCH} to {@value #MAX_STRETCH} (vocal tract length), a spectral
 * tilt of up to ±{@value #MAX_TILT_DB} dB from the lowest to the highest band (microphone and voice
 * quality), and one run of up to {@value #MAX_MASKED_BANDS} bands and one of up to {@value #MAX_MASKED_FRAMES}
 * frames set to the span's quietest value (SpecAugment's masks). Measured in {@code CnnKeywordHeadTest}
 * (3-hour evaluation on real speech after synthetic training): without it the head learned that a human
 * voice means "other speech" (the only real speech it heard) and named 43 % of the real keywords.
 */
final class OtherVoice {
    static final double MIN_STRETCH = 0.85;
    static final double MAX_STRETCH = 1.15;
    static final double MAX_TILT_DB = 8;
    static final int MAX_MASKED_BANDS = 4;
    static final int MAX_MASKED_FRAMES = 10;

    private final int bands;
    private final float[] warped;

    /** For spans of {@code bands} bands and {@code size} values in all. */
    OtherVoice(int bands, int size) {
        if (bands < 2 || size % bands != 0) {
            throw new IllegalArgumentException("log-mel augmentation needs at least 2 bands and whole frames, got " + bands
                    + " bands for " + size + " values");
        }
        this.bands = bands;
        this.warped = new float[size];
    }

    /** Rewrites the natural-log mel energies {@code v} in place, drawing from {@code rnd}. */
    void apply(float[] v, SplittableRandom rnd) {
        int frames = v.length / bands;
        double stretch = MIN_STRETCH + (MAX_STRETCH - MIN_STRETCH) * rnd.nextDouble();
        double tilt = (rnd.nextDouble() * 2 - 1) * MAX_TILT_DB / 10 * StrictMath.log(10) / (bands - 1);
        float quietest = Float.POSITIVE_INFINITY;
        for (float x : v) {
            quietest = Math.min(quietest, x);
        }
        for (int b = 0; b < bands; b++) {
            double src = Math.min(bands - 1, b / stretch);
            int lo = (int) src;
            int hi = Math.min(bands - 1, lo + 1);
            double f = src - lo;
            double add = tilt * (b - (bands - 1) / 2.0);
            for (int t = 0; t < frames; t++) {
                warped[b * frames + t] = (float) ((1 - f) * v[lo * frames + t] + f * v[hi * frames + t] + add);
            }
        }
        int maskBands = rnd.nextInt(MAX_MASKED_BANDS + 1);
        int fromBand = rnd.nextInt(bands - maskBands + 1);
        int maskFrames = Math.min(frames, rnd.nextInt(MAX_MASKED_FRAMES + 1));
        int fromFrame = rnd.nextInt(frames - maskFrames + 1);
        for (int b = 0; b < bands; b++) {
            for (int t = 0; t < frames; t++) {
                boolean masked = (b >= fromBand && b < fromBand + maskBands) || (t >= fromFrame && t < fromFrame + maskFrames);
                v[b * frames + t] = masked ? quietest : warped[b * frames + t];
            }
        }
    }
}
