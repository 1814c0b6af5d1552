package dev.vigil.sensors.encode;

import dev.vigil.sensors.SampleBatch;

import java.util.Arrays;
import java.util.Locale;

/**
 * The {@link BandDeltaEncoder} filterbank in integer arithmetic only, as a microcontroller or an
 * always-on audio chip would run it: samples in Q15, band-pass biquads with Q14 coefficients and
 * 64-bit accumulators, the envelope as a shift-based one-pole smoother in Q23, the level as a Q8
 * base-2 logarithm (leading-zero count plus 8 mantissa bits, within 0.5 dB), and delta spikes when it
 * moves by a whole number of Q8 steps. Channels, warm-up and refractory time are those of the
 * floating-point encoder; the smoothing constant is rounded to a power of two of samples.
 */
public final class FixedPointBandEncoder extends SampleEncoder {
    private static final int COEFF_BITS = 14;
    private static final int ENV_FRACTION = 8;
    private static final double DB_PER_OCTAVE = 20 * Math.log10(2);
    private final BandDeltaEncoder reference;
    private final int bands;
    private final int[] b0;
    private final int[] a1;
    private final int[] a2;
    private final int[] x1;
    private final int[] x2;
    private final int[] y1;
    private final int[] y2;
    private final int[] env;
    private final int[] ref;
    private final int smoothShift;
    private final int deltaQ8;
    private final int floorQ8;
    private final long warmupFrames;
    private final DeltaSpikes spikes;
    private long frames;

    /** As {@link BandDeltaEncoder#BandDeltaEncoder(double, int, double, double, double, double, double, long)}. */
    public FixedPointBandEncoder(double sampleRate, int bands, double minHz, double maxHz, double deltaDb,
                                 double floorDb, double smoothingMs, long refractoryUs) {
        super(sampleRate);
        this.reference = new BandDeltaEncoder(sampleRate, bands, minHz, maxHz, deltaDb, floorDb, smoothingMs, refractoryUs);
        this.bands = bands;
        b0 = new int[bands];
        a1 = new int[bands];
        a2 = new int[bands];
        x1 = new int[bands];
        x2 = new int[bands];
        y1 = new int[bands];
        y2 = new int[bands];
        env = new int[bands];
        ref = new int[bands];
        double q = bands == 1 ? 1.0 : Math.max(1.0, 1.0 / (Math.pow(maxHz / minHz, 1.0 / (bands - 1)) - 1) * 1.2);
        for (int k = 0; k < bands; k++) {
            double w0 = 2 * Math.PI * reference.centreHz(k) / sampleRate;
            double alpha = Math.sin(w0) / (2 * q);
            double a0 = 1 + alpha;
            b0[k] = (int) Math.round(alpha / a0 * (1 << COEFF_BITS));
            a1[k] = (int) Math.round(-2 * Math.cos(w0) / a0 * (1 << COEFF_BITS));
            a2[k] = (int) Math.round((1 - alpha) / a0 * (1 << COEFF_BITS));
        }
        this.smoothShift = Math.max(0, (int) Math.round(Math.log(smoothingMs / 1000 * sampleRate) / Math.log(2)));
        this.deltaQ8 = Math.max(1, (int) Math.round(deltaDb / DB_PER_OCTAVE * 256));
        this.floorQ8 = (15 + ENV_FRACTION) * 256 + (int) Math.round(floorDb / DB_PER_OCTAVE * 256);
        Arrays.fill(ref, floorQ8);
        this.warmupFrames = reference.warmupFrames();
        this.spikes = new DeltaSpikes(bands, refractoryUs);
    }

    /** Centre frequency of band {@code k} in Hz. */
    public double centreHz(int k) {
        return reference.centreHz(k);
    }

    /** Base-2 logarithm of {@code v} (> 0) in Q8: exponent from the leading one, 8 bits of mantissa. */
    static int log2Q8(int v) {
        int e = 31 - Integer.numberOfLeadingZeros(v);
        int mantissa = e >= 8 ? (v >>> (e - 8)) & 0xFF : (v << (8 - e)) & 0xFF;
        return (e << 8) | mantissa;
    }

    @Override
    public int channels() {
        return 2 * bands;
    }

    @Override
    void encodeSamples(SampleBatch s, SpikeSink sink) {
        float[] data = s.samples();
        int ch = s.channels();
        for (int i = 0, n = s.size(); i < n; i++) {
            float sum = 0;
            for (int c = 0; c < ch; c++) {
                sum += data[i * ch + c];
            }
            int x = Math.max(-32768, Math.min(32767, Math.round(sum / ch * 32768f)));
            long t = frameUs(s, i);
            for (int k = 0; k < bands; k++) {
                long acc = (long) b0[k] * (x - x2[k]) - (long) a1[k] * y1[k] - (long) a2[k] * y2[k];
                int y = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, acc >> COEFF_BITS));
                x2[k] = x1[k];
                x1[k] = x;
                y2[k] = y1[k];
                y1[k] = y;
                int rect = Math.min(Integer.MAX_VALUE >> ENV_FRACTION, Math.abs(y)) << ENV_FRACTION;
                env[k] += (rect - env[k]) >> smoothShift;
                int level = env[k] > 0 ? Math.max(floorQ8, log2Q8(env[k])) : floorQ8;
                ref[k] = frames < warmupFrames ? level : spikes.follow(k, t, level, ref[k], deltaQ8, sink);
            }
            frames++;
        }
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "fixed-point %s, smoothing 2^%d samples", reference.describe(), smoothShift);
    }
}
