package dev.vigil.sensors.features;

/**
 * The FFT of {@code n} real samples through one complex FFT of {@code n/2} points (even samples as
 * real parts, odd as imaginary, then the split step), giving bins {@code 0..n/2}. Buffers are held,
 * so a transform allocates nothing.
 */
public final class RealFft {
    private final int n;
    private final int half;
    private final Fft fft;
    private final double[] zr;
    private final double[] zi;
    private final double[] wr;
    private final double[] wi;
    private final double[] pr;
    private final double[] pi;

    /** A transform of {@code n} real samples, {@code n} a power of two of at least 4. */
    public RealFft(int n) {
        if (n < 4 || Integer.bitCount(n) != 1) {
            throw new IllegalArgumentException("real FFT size must be a power of two of at least 4, got " + n);
        }
        this.n = n;
        this.half = n / 2;
        this.fft = new Fft(half);
        zr = new double[half];
        zi = new double[half];
        wr = new double[half + 1];
        wi = new double[half + 1];
        pr = new double[half + 1];
        pi = new double[half + 1];
        for (int k = 0; k <= half; k++) {
            wr[k] = Math.cos(2 * Math.PI * k / n);
            wi[k] = -Math.sin(2 * Math.PI * k / n);
        }
    }

    /** Samples per transform. */
    public int size() {
        return n;
    }

    /** Bins of the spectrum, {@code n/2 + 1}. */
    public int bins() {
        return half + 1;
    }

    /** Writes bins {@code 0..n/2} of the spectrum of {@code x[0..n)} into {@code re} and {@code im}. */
    public void forward(double[] x, double[] re, double[] im) {
        for (int m = 0; m < half; m++) {
            zr[m] = x[2 * m];
            zi[m] = x[2 * m + 1];
        }
        fft.forward(zr, zi);
        for (int k = 0; k <= half; k++) {
            int a = k == half ? 0 : k;
            int b = k == 0 ? 0 : half - k;
            double er = (zr[a] + zr[b]) * 0.5;
            double ei = (zi[a] - zi[b]) * 0.5;
            double or = (zi[a] + zi[b]) * 0.5;
            double oi = (zr[b] - zr[a]) * 0.5;
            re[k] = er + wr[k] * or - wi[k] * oi;
            im[k] = ei + wr[k] * oi + wi[k] * or;
        }
    }

    /** Writes the power {@code |X[k]|^2} of bins {@code 0..n/2} of the spectrum of {@code x[0..n)} into {@code power}. */
    public void power(double[] x, double[] power) {
        forward(x, pr, pi);
        for (int k = 0; k <= half; k++) {
            power[k] = pr[k] * pr[k] + pi[k] * pi[k];
        }
    }
}
