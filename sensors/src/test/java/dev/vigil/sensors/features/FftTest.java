package dev.vigil.sensors.features;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The FFTs against the defining sum, computed directly. */
class FftTest {

    @Test
    void complexAndRealTransformsMatchTheDirectSum() {
        SplittableRandom r = new SplittableRandom(11);
        for (int n = 4; n <= 1024; n <<= 1) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = r.nextDouble(-1, 1);
            }
            double[] dftRe = new double[n];
            double[] dftIm = new double[n];
            for (int k = 0; k < n; k++) {
                for (int m = 0; m < n; m++) {
                    double a = -2 * Math.PI * ((long) k * m % n) / n;
                    dftRe[k] += x[m] * Math.cos(a);
                    dftIm[k] += x[m] * Math.sin(a);
                }
            }
            double[] re = x.clone();
            double[] im = new double[n];
            new Fft(n).forward(re, im);
            double[] rre = new double[n / 2 + 1];
            double[] rim = new double[n / 2 + 1];
            new RealFft(n).forward(x, rre, rim);
            double tolerance = 1e-9 * n;
            for (int k = 0; k < n; k++) {
                assertEquals(dftRe[k], re[k], tolerance, "complex n=" + n + " bin " + k);
                assertEquals(dftIm[k], im[k], tolerance, "complex n=" + n + " bin " + k);
                if (k <= n / 2) {
                    assertEquals(dftRe[k], rre[k], tolerance, "real n=" + n + " bin " + k);
                    assertEquals(dftIm[k], rim[k], tolerance, "real n=" + n + " bin " + k);
                }
            }
            new Fft(n).inverse(re, im);
            for (int i = 0; i < n; i++) {
                assertEquals(x[i], re[i], 1e-12, "inverse n=" + n);
                assertEquals(0, im[i], 1e-12, "inverse n=" + n);
            }
        }
    }

    @Test
    void refusesSizesThatAreNotPowersOfTwo() {
        assertEquals("FFT size must be a power of two of at least 2, got 400",
                assertThrows(IllegalArgumentException.class, () -> new Fft(400)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new RealFft(2));
    }
}
