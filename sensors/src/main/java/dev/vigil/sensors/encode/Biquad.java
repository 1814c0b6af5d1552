package dev.vigil.sensors.encode;

/**
 * Second-order band-pass sections (RBJ audio-EQ cookbook, 0 dB peak gain), one per lane, state held in
 * primitive arrays so a bank of them filters without allocating.
 */
final class Biquad {
    private final double[] b0;
    private final double[] a1;
    private final double[] a2;
    private final double[] x1;
    private final double[] x2;
    private final double[] y1;
    private final double[] y2;

    /** {@code lanes} band-pass sections centred on {@code centreHz[k]} with quality {@code q[k]}. */
    Biquad(double sampleRate, double[] centreHz, double[] q) {
        int n = centreHz.length;
        b0 = new double[n];
        a1 = new double[n];
        a2 = new double[n];
        x1 = new double[n];
        x2 = new double[n];
        y1 = new double[n];
        y2 = new double[n];
        for (int k = 0; k < n; k++) {
            bandPass(sampleRate, centreHz[k], q[k], k, b0, a1, a2);
        }
    }

    /**
     * Stores the normalised coefficients of an RBJ band-pass section (0 dB peak gain) centred on {@code centreHz}
     * with quality {@code q} at index {@code k}: {@code b0} (with {@code b1 = 0}, {@code b2 = -b0}), {@code a1},
     * {@code a2}.
     */
    static void bandPass(double sampleRate, double centreHz, double q, int k, double[] b0, double[] a1, double[] a2) {
        double w0 = 2 * Math.PI * centreHz / sampleRate;
        double alpha = Math.sin(w0) / (2 * q);
        double a0 = 1 + alpha;
        b0[k] = alpha / a0;
        a1[k] = -2 * Math.cos(w0) / a0;
        a2[k] = (1 - alpha) / a0;
    }

    /** Filters one sample {@code x} through section {@code k}. */
    double step(int k, double x) {
        double y = b0[k] * (x - x2[k]) - a1[k] * y1[k] - a2[k] * y2[k];
        x2[k] = x1[k];
        x1[k] = x;
        y2[k] = y1[k];
        y1[k] = y;
        return y;
    }
}
