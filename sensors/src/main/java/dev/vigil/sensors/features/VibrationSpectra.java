package dev.vigil.sensors.features;

/**
 * The magnitude and envelope spectra of the newest span of a {@link SampleRing}, computed when asked
 * (on a wake) into the caller's arrays, in the signal's units as amplitudes: a sine of amplitude A
 * in the middle of a bin shows as A. The envelope is the classical one of bearing diagnosis (Randall
 * and Antoni, MSSP 25(2), 2011): the span's spectrum is kept only inside the resonance band and on
 * positive frequencies (doubled; the band lies below Nyquist, so the negative half is zero), its
 * inverse transform is the band's analytic signal, whose modulus is the envelope; the envelope, less its mean and Hann-windowed, is transformed again. Every buffer
 * is held, so a span allocates nothing.
 */
public final class VibrationSpectra {
    private final SpectrumSettings settings;
    private final int n;
    private final Fft fft;
    private final RealFft realFft;
    private final double[] hann;
    private final float[] span;
    private final double[] x;
    private final double[] re;
    private final double[] im;
    private final double[] power;
    private final int bandLow;
    private final int bandHigh;

    /** Spectra as {@code settings} say. */
    public VibrationSpectra(SpectrumSettings settings) {
        this.settings = settings;
        n = settings.fftSize();
        fft = new Fft(n);
        realFft = new RealFft(n);
        hann = new double[n];
        for (int i = 0; i < n; i++) {
            hann[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / n);
        }
        span = new float[n];
        x = new double[n];
        re = new double[n];
        im = new double[n];
        power = new double[realFft.bins()];
        bandLow = (int) Math.ceil(settings.bandLowHz() / settings.binHz());
        bandHigh = Math.min(n / 2 - 1, (int) Math.floor(settings.bandHighHz() / settings.binHz()));
    }

    /** The settings. */
    public SpectrumSettings settings() {
        return settings;
    }

    /**
     * The spectra of the newest span in {@code ring}: {@code magnitude} gets {@link SpectrumSettings#spectrumBins()}
     * values, {@code envelope} {@link SpectrumSettings#envelopeBins()}; either may be null to skip it.
     */
    public void compute(SampleRing ring, float[] magnitude, float[] envelope) {
        compute(ring, ring.written(), magnitude, envelope);
    }

    /** The spectra of the span ending before sample {@code end} of {@code ring}. */
    public void compute(SampleRing ring, long end, float[] magnitude, float[] envelope) {
        ring.copy(end, n, span);
        compute(span, magnitude, envelope);
    }

    /** The spectra of {@code samples[0 .. fftSize)}. */
    public void compute(float[] samples, float[] magnitude, float[] envelope) {
        double mean = 0;
        for (int i = 0; i < n; i++) {
            mean += samples[i];
        }
        mean /= n;
        if (magnitude != null) {
            for (int i = 0; i < n; i++) {
                x[i] = hann[i] * (samples[i] - mean);
            }
            amplitudes(magnitude, settings.spectrumBins());
        }
        if (envelope != null) {
            for (int i = 0; i < n; i++) {
                x[i] = samples[i] - mean;
            }
            realFft.forward(x, re, im);
            for (int k = 0; k < n; k++) {
                double gain = k >= bandLow && k <= bandHigh ? 2 : 0;
                re[k] *= gain;
                im[k] *= gain;
            }
            fft.inverse(re, im);
            double envMean = 0;
            for (int i = 0; i < n; i++) {
                x[i] = Math.sqrt(re[i] * re[i] + im[i] * im[i]);
                envMean += x[i];
            }
            envMean /= n;
            for (int i = 0; i < n; i++) {
                x[i] = hann[i] * (x[i] - envMean);
            }
            amplitudes(envelope, settings.envelopeBins());
        }
    }

    /** Hann-windowed {@code x} to amplitudes: {@code |X[k]| * 4 / n} (the window's coherent gain is 1/2). */
    private void amplitudes(float[] out, int bins) {
        realFft.power(x, power);
        double scale = 4.0 / n;
        for (int k = 0; k < bins; k++) {
            out[k] = (float) (Math.sqrt(power[k]) * scale);
        }
    }
}
