package dev.vigil.sensors.encode;

/**
 * A bank of band-pass sections (as {@link Biquad}'s) sharing one input, each rectified and smoothed by a
 * one-pole low-pass to an envelope. The state is one array per quantity, indexed by band, and a sample
 * (or a pair of samples) updates every band in one branch-free loop over them, which C2 vectorises in part
 * (a third slower with {@code -XX:-UseSuperWord}).
 */
final class BandEnvelopes {
    private final double[] b0;
    private final double[] a1;
    private final double[] a2;
    private final double[] y1;
    private final double[] y2;
    private final double[] env;
    private final double smooth;
    private double in1;
    private double in2;

    /**
     * Sections centred on {@code centreHz[k]} with quality {@code q}, envelopes smoothed with time
     * constant {@code smoothingMs}.
     */
    BandEnvelopes(double sampleRate, double[] centreHz, double q, double smoothingMs) {
        int n = centreHz.length;
        b0 = new double[n];
        a1 = new double[n];
        a2 = new double[n];
        y1 = new double[n];
        y2 = new double[n];
        env = new double[n];
        for (int k = 0; k < n; k++) {
            Biquad.bandPass(sampleRate, centreHz[k], q, k, b0, a1, a2);
        }
        smooth = 1 - Math.exp(-1000.0 / (smoothingMs * sampleRate));
    }

    /** Filters sample {@code x} through every band and updates its envelope. */
    void step(double x) {
        double dx = x - in2;
        for (int k = 0; k < env.length; k++) {
            double y = b0[k] * dx - a1[k] * y1[k] - a2[k] * y2[k];
            y2[k] = y1[k];
            y1[k] = y;
            env[k] += smooth * (Math.abs(y) - env[k]);
        }
        in2 = in1;
        in1 = x;
    }

    /**
     * Filters sample {@code x} then sample {@code next}, exactly as two {@link #step(double)} calls do, with
     * one pass over the band state instead of two (about a quarter less time).
     */
    void step(double x, double next) {
        double dx = x - in2;
        double dNext = next - in1;
        for (int k = 0; k < env.length; k++) {
            double y = b0[k] * dx - a1[k] * y1[k] - a2[k] * y2[k];
            double yNext = b0[k] * dNext - a1[k] * y - a2[k] * y1[k];
            double e = env[k] + smooth * (Math.abs(y) - env[k]);
            env[k] = e + smooth * (Math.abs(yNext) - e);
            y2[k] = y;
            y1[k] = yNext;
        }
        in2 = x;
        in1 = next;
    }

    /** Writes every band's envelope in dB, at least {@code silenceDb}, to {@code db}. */
    void levels(double[] db, double silenceDb) {
        for (int k = 0; k < env.length; k++) {
            db[k] = Math.max(silenceDb, Decibels.of(env[k]));
        }
    }
}
