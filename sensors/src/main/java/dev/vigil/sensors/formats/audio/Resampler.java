package dev.vigil.sensors.formats.audio;

/**
 * Changes the sample rate of interleaved audio with a windowed-sinc (Hann window) interpolator whose
 * cut-off is the lower of the two Nyquist frequencies, so downsampling does not alias. Offline use
 * (allocates its output); e.g. to feed a model trained at 16 kHz from a 44.1 kHz recording.
 */
public final class Resampler {
    /** Zero crossings of the sinc on each side of a sample. */
    private static final int HALF_TAPS = 16;

    private Resampler() {
    }

    /** Resamples {@code in} ({@code channels} interleaved, at {@code fromHz}) to {@code toHz}. */
    public static float[] resample(float[] in, int channels, double fromHz, double toHz) {
        if (channels < 1 || in.length % channels != 0) {
            throw new IllegalArgumentException(in.length + " samples are not whole frames of " + channels + " channels");
        }
        if (!(fromHz > 0) || !(toHz > 0)) {
            throw new IllegalArgumentException("rates must be positive, got " + fromHz + " and " + toHz);
        }
        int frames = in.length / channels;
        if (fromHz == toHz) {
            return in.clone();
        }
        double ratio = toHz / fromHz;
        int outFrames = (int) Math.floor(frames * ratio);
        float[] out = new float[outFrames * channels];
        double cutoff = Math.min(1.0, ratio);
        double halfWidth = HALF_TAPS / cutoff;
        for (int o = 0; o < outFrames; o++) {
            double centre = o / ratio;
            int first = (int) Math.ceil(centre - halfWidth);
            int last = (int) Math.floor(centre + halfWidth);
            for (int c = 0; c < channels; c++) {
                double sum = 0;
                double weights = 0;
                for (int i = Math.max(0, first); i <= Math.min(frames - 1, last); i++) {
                    double d = i - centre;
                    double w = sinc(cutoff * d) * (0.5 + 0.5 * Math.cos(Math.PI * d / halfWidth));
                    sum += w * in[i * channels + c];
                    weights += w;
                }
                out[o * channels + c] = (float) (weights == 0 ? 0 : sum / weights);
            }
        }
        return out;
    }

    private static double sinc(double x) {
        if (x == 0) {
            return 1;
        }
        double px = Math.PI * x;
        return Math.sin(px) / px;
    }
}
