package dev.vigil.sensors.features;

/**
 * Log-mel frames of the newest span of a {@link SampleRing}, computed when asked (on a wake) into the
 * caller's array as {@code bands × frames}, band-major: {@code out[band * frames + frame]}, oldest
 * frame first, i.e. a {@code 1 × bands × frames} feature map. Every buffer is held, so a span
 * allocates nothing.
 */
public final class LogMel implements SpanFeatures {
    /** Added to each band's energy before the log, so silence gives {@code ln(1e-6)} ≈ -13.8, not -infinity. */
    public static final double FLOOR = 1e-6;

    private final LogMelSettings settings;
    private final int window;
    private final int hop;
    private final double[] hann;
    private final RealFft fft;
    private final double[] frame;
    private final double[] power;
    private final float[] span;
    private final int[] firstBin;
    private final double[][] weights;

    /** Log-mel frames as {@code settings} say. */
    public LogMel(LogMelSettings settings) {
        this.settings = settings;
        window = settings.window();
        hop = settings.hop();
        int n = settings.fftSize();
        fft = new RealFft(n);
        frame = new double[n];
        power = new double[fft.bins()];
        span = new float[settings.spanSamples()];
        hann = new double[window];
        for (int i = 0; i < window; i++) {
            hann[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / window);
        }
        firstBin = new int[settings.bands()];
        weights = new double[settings.bands()][];
        double lowMel = mel(settings.lowHz());
        double highMel = mel(settings.highHz());
        double binHz = settings.sampleRate() / n;
        for (int b = 0; b < settings.bands(); b++) {
            double left = hz(lowMel + (highMel - lowMel) * b / (settings.bands() + 1));
            double centre = hz(lowMel + (highMel - lowMel) * (b + 1) / (settings.bands() + 1));
            double right = hz(lowMel + (highMel - lowMel) * (b + 2) / (settings.bands() + 1));
            int from = (int) Math.ceil(left / binHz);
            int to = Math.min(fft.bins() - 1, (int) Math.floor(right / binHz));
            firstBin[b] = from;
            weights[b] = new double[Math.max(0, to - from + 1)];
            for (int k = from; k <= to; k++) {
                double f = k * binHz;
                weights[b][k - from] = Math.max(0, f <= centre ? (f - left) / (centre - left) : (right - f) / (right - centre));
            }
        }
    }

    /** The HTK mel of {@code hz}. */
    public static double mel(double hz) {
        return 2595 * Math.log10(1 + hz / 700);
    }

    /** The frequency of HTK mel {@code mel}. */
    public static double hz(double mel) {
        return 700 * (Math.pow(10, mel / 2595) - 1);
    }

    /** The settings. */
    public LogMelSettings settings() {
        return settings;
    }

    /** Centre frequency of band {@code b}, Hz. */
    public double centreHz(int b) {
        double lowMel = mel(settings.lowHz());
        double highMel = mel(settings.highHz());
        return hz(lowMel + (highMel - lowMel) * (b + 1) / (settings.bands() + 1));
    }

    @Override
    public int spanSamples() {
        return settings.spanSamples();
    }

    @Override
    public int channels() {
        return 1;
    }

    @Override
    public int height() {
        return settings.bands();
    }

    @Override
    public int width() {
        return settings.frames();
    }

    /** Log-mel frames of the newest span in {@code ring} into {@code out} (length at least {@link LogMelSettings#size()}). */
    public void compute(SampleRing ring, float[] out) {
        compute(ring, ring.written(), out);
    }

    /** Log-mel frames of the span ending before sample {@code end} of {@code ring}. */
    @Override
    public void compute(SampleRing ring, long end, float[] out) {
        ring.copy(end, span.length, span);
        frames(span, out);
    }

    /** Log-mel frames of {@code samples[0 .. spanSamples())}. */
    @Override
    public void compute(float[] samples, float[] out) {
        frames(samples, out);
    }

    private void frames(float[] samples, float[] out) {
        int frames = settings.frames();
        for (int f = 0; f < frames; f++) {
            int start = f * hop;
            for (int i = 0; i < window; i++) {
                frame[i] = hann[i] * samples[start + i];
            }
            fft.power(frame, power);
            for (int b = 0; b < weights.length; b++) {
                double[] w = weights[b];
                int k0 = firstBin[b];
                double e = 0;
                for (int j = 0; j < w.length; j++) {
                    e += w[j] * power[k0 + j];
                }
                out[b * frames + f] = (float) Math.log(e + FLOOR);
            }
        }
    }
}
