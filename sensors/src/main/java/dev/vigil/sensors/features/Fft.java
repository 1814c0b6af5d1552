package dev.vigil.sensors.features;

/**
 * An in-place iterative radix-2 complex FFT of one power-of-two size, its twiddle factors and bit
 * reversal computed once, so a transform allocates nothing. Forward is {@code X[k] = sum x[m]
 * e^(-2 pi i k m / n)}; the inverse uses {@code +i} and divides by {@code n}.
 */
public final class Fft {
    private final int n;
    private final int[] reversed;
    private final double[] cos;
    private final double[] sin;

    /** A transform of {@code n} points, {@code n} a power of two of at least 2. */
    public Fft(int n) {
        if (n < 2 || Integer.bitCount(n) != 1) {
            throw new IllegalArgumentException("FFT size must be a power of two of at least 2, got " + n);
        }
        this.n = n;
        int bits = Integer.numberOfTrailingZeros(n);
        reversed = new int[n];
        for (int i = 0; i < n; i++) {
            reversed[i] = Integer.reverse(i) >>> (32 - bits);
        }
        cos = new double[n / 2];
        sin = new double[n / 2];
        for (int k = 0; k < n / 2; k++) {
            cos[k] = Math.cos(2 * Math.PI * k / n);
            sin[k] = Math.sin(2 * Math.PI * k / n);
        }
    }

    /** Points per transform. */
    public int size() {
        return n;
    }

    /** Replaces {@code (re, im)} (first {@code n} entries) by their forward transform. */
    public void forward(double[] re, double[] im) {
        transform(re, im, -1);
    }

    /** Replaces {@code (re, im)} by their inverse transform (scaled by {@code 1/n}). */
    public void inverse(double[] re, double[] im) {
        transform(re, im, 1);
        double scale = 1.0 / n;
        for (int i = 0; i < n; i++) {
            re[i] *= scale;
            im[i] *= scale;
        }
    }

    private void transform(double[] re, double[] im, int sign) {
        for (int i = 0; i < n; i++) {
            int j = reversed[i];
            if (j > i) {
                double t = re[i];
                re[i] = re[j];
                re[j] = t;
                t = im[i];
                im[i] = im[j];
                im[j] = t;
            }
        }
        for (int size = 2; size <= n; size <<= 1) {
            int half = size >> 1;
            int step = n / size;
            for (int start = 0; start < n; start += size) {
                for (int k = 0; k < half; k++) {
                    double wr = cos[k * step];
                    double wi = sign * sin[k * step];
                    int a = start + k;
                    int b = a + half;
                    double tr = wr * re[b] - wi * im[b];
                    double ti = wr * im[b] + wi * re[b];
                    re[b] = re[a] - tr;
                    im[b] = im[a] - ti;
                    re[a] += tr;
                    im[a] += ti;
                }
            }
        }
    }
}
