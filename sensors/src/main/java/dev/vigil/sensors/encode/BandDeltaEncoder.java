package dev.vigil.sensors.encode;

import dev.vigil.sensors.SampleBatch;

import java.util.Arrays;
import java.util.Locale;

/**
 * Band-pass filterbank with log-domain level-crossing spikes, as always-on audio front ends use:
 * each of {@code bands} log-spaced second-order band-pass filters is rectified and smoothed by a
 * one-pole low-pass; whenever a band's level in dB rises {@code deltaDb} above its reference an UP
 * spike is emitted (channel {@code 2*band}), and when it falls {@code deltaDb} below, a DOWN spike
 * (channel {@code 2*band+1}); the reference moves by one step per spike. Levels below
 * {@code floorDb} are clamped, so silence stays silent. Multi-channel input is averaged to one.
 * For a warm-up of five smoothing constants plus five settling constants of the narrowest filter
 * after the first sample, references follow the level without spiking, so a stream's start is not
 * mistaken for an onset. A channel's refractory time, when positive, holds back a spike (and the
 * reference step it would make) until that long after the channel's previous spike.
 */
public final class BandDeltaEncoder extends SampleEncoder {
    private final int bands;
    private final double minHz;
    private final double maxHz;
    private final double deltaDb;
    private final double floorDb;
    private final double smoothingMs;
    private final double[] b0;
    private final double[] a1;
    private final double[] a2;
    private final double[] x1;
    private final double[] x2;
    private final double[] y1;
    private final double[] y2;
    private final double[] env;
    private final double[] refDb;
    private final double smooth;
    private final long warmupFrames;
    private final DeltaSpikes spikes;
    private long frames;

    /**
     * @param sampleRate  input sample rate in Hz
     * @param bands       number of band-pass channels
     * @param minHz       centre of the lowest band
     * @param maxHz       centre of the highest band (below Nyquist)
     * @param deltaDb     level change per spike, in dB
     * @param floorDb     level below which a band counts as silent, in dB full scale
     * @param smoothingMs time constant of the envelope smoother
     */
    public BandDeltaEncoder(double sampleRate, int bands, double minHz, double maxHz, double deltaDb,
                            double floorDb, double smoothingMs) {
        this(sampleRate, bands, minHz, maxHz, deltaDb, floorDb, smoothingMs, 0);
    }

    /**
     * As {@link #BandDeltaEncoder(double, int, double, double, double, double, double)}, with a
     * per-channel refractory time of {@code refractoryUs} (0 = none).
     */
    public BandDeltaEncoder(double sampleRate, int bands, double minHz, double maxHz, double deltaDb,
                            double floorDb, double smoothingMs, long refractoryUs) {
        super(sampleRate);
        this.spikes = new DeltaSpikes(bands, refractoryUs);
        if (bands <= 0) {
            throw new IllegalArgumentException("bands must be positive, got " + bands);
        }
        if (!(minHz > 0 && maxHz >= minHz && maxHz < sampleRate / 2)) {
            throw new IllegalArgumentException("band centres " + minHz + ".." + maxHz + " Hz must lie in (0, "
                    + sampleRate / 2 + ") Hz for a " + sampleRate + " Hz stream");
        }
        if (!(deltaDb > 0) || !(smoothingMs > 0)) {
            throw new IllegalArgumentException("delta and smoothing must be positive");
        }
        this.bands = bands;
        this.minHz = minHz;
        this.maxHz = maxHz;
        this.deltaDb = deltaDb;
        this.floorDb = floorDb;
        this.smoothingMs = smoothingMs;
        b0 = new double[bands];
        a1 = new double[bands];
        a2 = new double[bands];
        x1 = new double[bands];
        x2 = new double[bands];
        y1 = new double[bands];
        y2 = new double[bands];
        env = new double[bands];
        refDb = new double[bands];
        Arrays.fill(refDb, floorDb);
        double q = bands == 1 ? 1.0 : Math.max(1.0, 1.0 / (Math.pow(maxHz / minHz, 1.0 / (bands - 1)) - 1) * 1.2);
        for (int k = 0; k < bands; k++) {
            Biquad.bandPass(sampleRate, centreHz(bands, minHz, maxHz, k), q, k, b0, a1, a2);
        }
        this.smooth = 1 - Math.exp(-1000.0 / (smoothingMs * sampleRate));
        double settleS = 5 * smoothingMs / 1000 + 5 * q / (Math.PI * minHz);
        this.warmupFrames = (long) Math.ceil(settleS * sampleRate);
    }

    /** Frames after the first during which references follow the level without spiking. */
    public long warmupFrames() {
        return warmupFrames;
    }

    /** Centre frequency of band {@code k} in Hz. */
    public double centreHz(int k) {
        return centreHz(bands, minHz, maxHz, k);
    }

    /** Centre frequency of band {@code k} of {@code bands} log-spaced from {@code minHz} to {@code maxHz}. */
    public static double centreHz(int bands, double minHz, double maxHz, int k) {
        return bands == 1 ? minHz : minHz * Math.pow(maxHz / minHz, (double) k / (bands - 1));
    }

    @Override
    public int channels() {
        return 2 * bands;
    }

    @Override
    void encodeSamples(SampleBatch s, SpikeSink sink) {
        for (int i = 0, n = s.size(); i < n; i++) {
            double x = mono(s, i);
            long t = frameUs(s, i);
            for (int k = 0; k < bands; k++) {
                double y = b0[k] * (x - x2[k]) - a1[k] * y1[k] - a2[k] * y2[k];
                x2[k] = x1[k];
                x1[k] = x;
                y2[k] = y1[k];
                y1[k] = y;
                env[k] += smooth * (Math.abs(y) - env[k]);
                double db = env[k] > 0 ? 20 * Math.log10(env[k]) : floorDb;
                if (db < floorDb) {
                    db = floorDb;
                }
                refDb[k] = frames < warmupFrames ? db : spikes.follow(k, t, db, refDb[k], deltaDb, sink);
            }
            frames++;
        }
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "%d band%s %.0f-%.0f Hz, %.1f dB delta, %.1f ms smoothing, floor %.0f dB, refractory %d us",
                bands, bands == 1 ? "" : "s", minHz, maxHz, deltaDb, smoothingMs, floorDb, spikes.refractoryUs());
    }
}
