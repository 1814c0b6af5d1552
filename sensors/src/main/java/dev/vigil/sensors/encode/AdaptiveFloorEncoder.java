package dev.vigil.sensors.encode;

import dev.vigil.sensors.SampleBatch;

import java.util.Locale;

/**
 * Spiking filterbank with a per-band adaptive noise floor, in the spirit of PCEN and automatic gain
 * control: each of {@code bands} log-spaced band-pass filters (as {@link BandDeltaEncoder}'s) is
 * rectified and smoothed every sample ({@link BandEnvelopes}). Once per millisecond of signal (every
 * {@code round(sampleRate / 1000)} samples, at least one) each band's level is taken in dB (clamped at
 * {@code silenceDb}); a per-band floor follows that level slowly upwards ({@code riseMs}) and quickly
 * downwards ({@code fallMs}), so it settles on the band's steady noise and its dips. Band {@code k}
 * (channel {@code k}) integrates how far its level stands above floor + {@code marginDb} over time and
 * spikes each time that reaches {@code spikeDbMs} dB·ms, stamped with the time of the sample that
 * completed the millisecond: a steady tone or noise stops spiking once the floor has caught up, an onset
 * above the noise (even a quiet one) spikes at a rate that grows with its height above the floor. The
 * smoothed level changes slowly against a millisecond, and the front end bins spikes into steps of that
 * order, so the coarser update costs little; time constants are in ms whatever the update interval.
 * Multi-channel input is averaged to one. For five smoothing constants plus five settling constants of
 * the narrowest filter after the first sample the floor takes the level as it is, without spiking.
 */
public final class AdaptiveFloorEncoder extends SampleEncoder {
    private final int bands;
    private final double minHz;
    private final double maxHz;
    private final double silenceDb;
    private final double smoothingMs;
    private final double marginDb;
    private final double riseMs;
    private final double fallMs;
    private final double spikeDbMs;
    private final BandEnvelopes filters;
    private final double[] level;
    private final double[] floor;
    private final double[] charge;
    private final int stride;
    private final double stepMs;
    private final double rise;
    private final double fall;
    private final long warmupFrames;
    private long frames;
    private int phase;

    /**
     * @param sampleRate  input sample rate, Hz
     * @param bands       band-pass channels, log-spaced
     * @param minHz       centre of the lowest band
     * @param maxHz       centre of the highest band (below Nyquist)
     * @param silenceDb   level (dB full scale, above -6,000) below which a band counts as silent
     * @param smoothingMs time constant of the level smoother
     * @param marginDb    how far above its floor a band must stand before it spikes
     * @param riseMs      time constant with which the floor follows a level above it
     * @param fallMs      time constant with which the floor follows a level below it
     * @param spikeDbMs   dB above floor + margin, integrated over milliseconds, per spike
     */
    public AdaptiveFloorEncoder(double sampleRate, int bands, double minHz, double maxHz, double silenceDb, double smoothingMs,
                                double marginDb, double riseMs, double fallMs, double spikeDbMs) {
        super(sampleRate);
        if (bands <= 0) {
            throw new IllegalArgumentException("bands must be positive, got " + bands);
        }
        if (!(minHz > 0 && maxHz >= minHz && maxHz < sampleRate / 2)) {
            throw new IllegalArgumentException("band centres " + minHz + ".." + maxHz + " Hz must lie in (0, "
                    + sampleRate / 2 + ") Hz for a " + sampleRate + " Hz stream");
        }
        if (!(silenceDb > Decibels.ZERO_ABOVE)) {
            throw new IllegalArgumentException("silence level must lie above " + Decibels.ZERO_ABOVE + " dB, got " + silenceDb);
        }
        if (!(smoothingMs > 0) || !(riseMs > 0) || !(fallMs > 0) || !(spikeDbMs > 0) || !(marginDb >= 0)) {
            throw new IllegalArgumentException("smoothing, floor time constants and spike size must be positive, margin not negative");
        }
        this.bands = bands;
        this.minHz = minHz;
        this.maxHz = maxHz;
        this.silenceDb = silenceDb;
        this.smoothingMs = smoothingMs;
        this.marginDb = marginDb;
        this.riseMs = riseMs;
        this.fallMs = fallMs;
        this.spikeDbMs = spikeDbMs;
        double q = bands == 1 ? 1.0 : Math.max(1.0, 1.0 / (Math.pow(maxHz / minHz, 1.0 / (bands - 1)) - 1) * 1.2);
        double[] centres = new double[bands];
        for (int k = 0; k < bands; k++) {
            centres[k] = BandDeltaEncoder.centreHz(bands, minHz, maxHz, k);
        }
        filters = new BandEnvelopes(sampleRate, centres, q, smoothingMs);
        level = new double[bands];
        floor = new double[bands];
        charge = new double[bands];
        stride = Math.max(1, (int) Math.round(sampleRate / 1000));
        stepMs = stride * 1000.0 / sampleRate;
        rise = 1 - Math.exp(-stepMs / riseMs);
        fall = 1 - Math.exp(-stepMs / fallMs);
        double settleS = 5 * smoothingMs / 1000 + 5 * q / (Math.PI * minHz);
        warmupFrames = (long) Math.ceil(settleS * sampleRate);
    }

    /** Frames after the first during which the floor takes the level without spiking. */
    public long warmupFrames() {
        return warmupFrames;
    }

    /** Centre frequency of band {@code k} in Hz. */
    public double centreHz(int k) {
        return BandDeltaEncoder.centreHz(bands, minHz, maxHz, k);
    }

    /** Band {@code k}'s floor, dB full scale. */
    public double floorDb(int k) {
        return floor[k];
    }

    @Override
    public int channels() {
        return bands;
    }

    @Override
    void encodeSamples(SampleBatch s, SpikeSink sink) {
        for (int i = 0, n = s.size(); i < n; ) {
            int run = Math.min(n - i, stride - phase);
            filter(s, i, i + run);
            i += run;
            frames += run;
            phase += run;
            if (phase == stride) {
                phase = 0;
                update(frames <= warmupFrames, frameUs(s, i - 1), sink);
            }
        }
    }

    /** Runs frames {@code from} (inclusive) to {@code to} (exclusive) of {@code s} through the filters, two at a time. */
    private void filter(SampleBatch s, int from, int to) {
        int i = from;
        for (; i + 1 < to; i += 2) {
            filters.step(mono(s, i), mono(s, i + 1));
        }
        if (i < to) {
            filters.step(mono(s, i));
        }
    }

    /** One step of every band's floor and charge, spiking at {@code timeUs} unless {@code learning}. */
    private void update(boolean learning, long timeUs, SpikeSink sink) {
        filters.levels(level, silenceDb);
        for (int k = 0; k < bands; k++) {
            double db = level[k];
            if (learning) {
                floor[k] = db;
                continue;
            }
            double above = db - floor[k];
            floor[k] += (above > 0 ? rise : fall) * above;
            double drive = above - marginDb;
            if (drive > 0) {
                charge[k] += drive * stepMs;
                while (charge[k] >= spikeDbMs) {
                    charge[k] -= spikeDbMs;
                    sink.spike(timeUs, k);
                }
            }
        }
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "%d band%s %.0f-%.0f Hz above an adaptive floor (rise %.0f ms, fall %.0f ms), margin %.1f dB,"
                        + " %.0f dB*ms per spike, %.1f ms smoothing, silence %.0f dB",
                bands, bands == 1 ? "" : "s", minHz, maxHz, riseMs, fallMs, marginDb, spikeDbMs, smoothingMs, silenceDb);
    }
}
