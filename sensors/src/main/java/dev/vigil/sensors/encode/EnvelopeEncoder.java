package dev.vigil.sensors.encode;

import dev.vigil.sensors.SampleBatch;

import java.util.Arrays;
import java.util.Locale;

/**
 * The envelope technique of bearing diagnosis as spikes, per axis: band-pass the signal around the
 * structural resonance a defect's impacts excite ({@code bandLowHz}..{@code bandHighHz}), rectify,
 * smooth to the envelope ({@code envelopeHz} low-pass), then
 * <ul>
 *   <li>channel {@code axis * (1 + D)}: an <em>impact</em> spike whenever the envelope rises above
 *       {@code ratio} × its slow running mean (re-armed when it falls back below the mean), so an impulse
 *       train gives spikes at the impulse rate;</li>
 *   <li>channels {@code axis * (1 + D) + 1 + d}: a resonator on the envelope tuned to defect frequency
 *       {@code d} (BPFO, BPFI, BSF from {@link BearingGeometry}, or given directly) spikes on each upward
 *       zero crossing while its amplitude exceeds half the slow mean of the envelope's own
 *       fluctuation, i.e. when the envelope is periodic at that defect's rate.</li>
 * </ul>
 * The slow means are plain running averages for the first second, then follow with a 1 s time
 * constant; for the first {@code 3 / bandLowHz + 5 / envelopeHz} seconds the encoder only learns.
 */
public final class EnvelopeEncoder extends SampleEncoder {
    private static final double SLOW_TAU_S = 1.0;
    /**
     * A resonator fires while its amplitude exceeds this share of the envelope's mean fluctuation: a
     * periodic envelope puts most of its fluctuation in one line, broadband noise spreads it over the
     * whole envelope band (a Q = 8 resonator then holds about a fifth of it).
     */
    private static final double RESONANCE_SHARE = 0.5;
    private final int axes;
    private final double[] defectHz;
    private final double ratio;
    private final double bandLowHz;
    private final double bandHighHz;
    private final double envelopeHz;
    private final Biquad band;
    private final Biquad resonators;
    private final double envAlpha;
    private final double slowAlpha;
    /** Frames after which the slow means' running average has turned into the exponential one. */
    private final long runningFrames;
    private final double[] env;
    private final double[] envMean;
    private final boolean[] armed;
    private final double[] resAmp;
    private final double[] ampAlpha;
    private final double[] resPrev;
    private final double[] devMean;
    /** With several axes, each axis's spikes of a batch, merged by time afterwards. */
    private final SpikeBuffer[] perAxis;
    private final int[] noOffsets;
    private final int[] cursor;
    private final long warmup;
    private long frames;

    /**
     * @param sampleRate  input rate, Hz
     * @param axes        axes per frame (each gets its own channels)
     * @param bandLowHz   lower edge of the resonance band
     * @param bandHighHz  upper edge (below Nyquist)
     * @param envelopeHz  envelope low-pass cut-off (above the highest defect frequency)
     * @param defectHz    defect frequencies watched by resonators (may be empty)
     * @param ratio       how far above its running mean the envelope (or a resonator) must rise, e.g. 3
     */
    public EnvelopeEncoder(double sampleRate, int axes, double bandLowHz, double bandHighHz, double envelopeHz,
                           double[] defectHz, double ratio) {
        super(sampleRate);
        if (axes <= 0 || !(bandLowHz > 0) || !(bandHighHz > bandLowHz) || !(bandHighHz < sampleRate / 2)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "envelope band %.1f..%.1f Hz must lie in (0, %.1f) Hz with low < high, for %d axes", bandLowHz,
                    bandHighHz, sampleRate / 2, axes));
        }
        if (!(envelopeHz > 0) || !(envelopeHz < bandLowHz) || !(ratio > 1)) {
            throw new IllegalArgumentException("envelope cut-off must be in (0, band low) and ratio above 1, got "
                    + envelopeHz + " Hz and " + ratio);
        }
        for (double f : defectHz) {
            if (!(f > 0 && f < envelopeHz)) {
                throw new IllegalArgumentException("defect frequency " + f + " Hz must lie in (0, " + envelopeHz
                        + ") Hz (below the envelope cut-off)");
            }
        }
        this.axes = axes;
        this.defectHz = defectHz.clone();
        this.ratio = ratio;
        this.bandLowHz = bandLowHz;
        this.bandHighHz = bandHighHz;
        this.envelopeHz = envelopeHz;
        double centre = Math.sqrt(bandLowHz * bandHighHz);
        double[] bc = new double[axes];
        double[] bq = new double[axes];
        Arrays.fill(bc, centre);
        Arrays.fill(bq, centre / (bandHighHz - bandLowHz));
        band = new Biquad(sampleRate, bc, bq);
        int d = defectHz.length;
        double[] rc = new double[axes * Math.max(1, d)];
        double[] rq = new double[rc.length];
        for (int a = 0; a < axes; a++) {
            for (int k = 0; k < d; k++) {
                rc[a * d + k] = defectHz[k];
                rq[a * d + k] = 8;
            }
        }
        if (d == 0) {
            Arrays.fill(rc, envelopeHz / 2);
            Arrays.fill(rq, 1);
        }
        resonators = new Biquad(sampleRate, rc, rq);
        envAlpha = 1 - Math.exp(-2 * Math.PI * envelopeHz / sampleRate);
        slowAlpha = 1 - Math.exp(-1 / (SLOW_TAU_S * sampleRate));
        runningFrames = (long) Math.ceil(1 / slowAlpha);
        env = new double[axes];
        envMean = new double[axes];
        armed = new boolean[axes];
        resAmp = new double[rc.length];
        ampAlpha = new double[rc.length];
        for (int r = 0; r < rc.length; r++) {
            ampAlpha[r] = 1 - Math.exp(-2 * Math.PI * rc[r] / rq[r] / sampleRate);
        }
        resPrev = new double[rc.length];
        devMean = new double[axes];
        perAxis = new SpikeBuffer[axes];
        for (int a = 0; a < axes; a++) {
            perAxis[a] = new SpikeBuffer();
        }
        noOffsets = new int[axes];
        cursor = new int[axes];
        warmup = (long) Math.ceil((3 / bandLowHz + 5 / envelopeHz) * sampleRate);
    }

    @Override
    public int channels() {
        return axes * (1 + defectHz.length);
    }

    @Override
    void encodeSamples(SampleBatch s, SpikeSink sink) {
        int used = Math.min(s.channels(), axes);
        if (used == 1) {
            encodeAxis(s, 0, sink);
        } else {
            for (int a = 0; a < used; a++) {
                perAxis[a].clear();
                encodeAxis(s, a, perAxis[a]);
            }
            SpikeBuffer.merge(perAxis, used, noOffsets, cursor, sink);
        }
        frames += s.size();
    }

    /**
     * Runs axis {@code a} of {@code s} through its band-pass, envelope, impact detector and resonators, the
     * axis's running state in local variables for the batch.
     */
    private void encodeAxis(SampleBatch s, int a, SpikeSink sink) {
        float[] data = s.samples();
        int ch = s.channels();
        int d = defectHz.length;
        int base = a * (1 + d);
        double e = env[a];
        double mean = envMean[a];
        double meanDev = devMean[a];
        boolean arm = armed[a];
        for (int i = 0, n = s.size(); i < n; i++) {
            long frame = frames + i;
            boolean learning = frame < warmup;
            double y = band.step(a, data[i * ch + a]);
            e += envAlpha * (Math.abs(y) - e);
            double alpha = frame < runningFrames ? Math.max(slowAlpha, 1.0 / (frame + 1)) : slowAlpha;
            mean += alpha * (e - mean);
            meanDev += alpha * (Math.abs(e - mean) - meanDev);
            if (e > ratio * mean && arm) {
                arm = false;
                if (!learning) {
                    sink.spike(frameUs(s, i), base);
                }
            } else if (e <= mean) {
                arm = true;
            }
            for (int k = 0; k < d; k++) {
                int r = a * d + k;
                double v = resonators.step(r, e - mean);
                resAmp[r] += ampAlpha[r] * (Math.abs(v) - resAmp[r]);
                if (!learning && resPrev[r] <= 0 && v > 0 && resAmp[r] > RESONANCE_SHARE * meanDev) {
                    sink.spike(frameUs(s, i), base + 1 + k);
                }
                resPrev[r] = v;
            }
        }
        env[a] = e;
        envMean[a] = mean;
        devMean[a] = meanDev;
        armed[a] = arm;
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "envelope %.0f-%.0f Hz band, %.0f Hz envelope, %d defect channels x %d axes, ratio %.1f",
                bandLowHz, bandHighHz, envelopeHz, defectHz.length, axes, ratio);
    }
}
