package dev.vigil.sensors.features;

/**
 * How vibration becomes its two spectra: {@code fftSize} samples (a power of two), the magnitude
 * spectrum of their Hann-windowed copy, and the envelope spectrum: the samples band-passed to
 * {@code bandLowHz .. bandHighHz} (the structural resonance that bearing-defect impacts ring), their
 * Hilbert envelope, and its spectrum up to {@code envelopeMaxHz}, where defect lines (BPFO, BPFI, BSF
 * and harmonics) show.
 *
 * @param sampleRate    vibration rate, Hz
 * @param fftSize       samples per span, a power of two (16384 at 12 kHz: 1.37 s, 0.73 Hz bins)
 * @param bandLowHz     lower edge of the resonance band
 * @param bandHighHz    upper edge of the resonance band (at most half the sample rate)
 * @param envelopeMaxHz highest envelope frequency kept
 */
public record SpectrumSettings(double sampleRate, int fftSize, double bandLowHz, double bandHighHz, double envelopeMaxHz) {

    public SpectrumSettings {
        if (!(sampleRate > 0) || fftSize < 16 || Integer.bitCount(fftSize) != 1) {
            throw new IllegalArgumentException("spectrum needs a positive rate and a power-of-two size of at least 16, got "
                    + sampleRate + " Hz and " + fftSize);
        }
        if (!(bandLowHz >= 0) || !(bandHighHz > bandLowHz) || bandHighHz > sampleRate / 2) {
            throw new IllegalArgumentException("envelope band " + bandLowHz + " .. " + bandHighHz
                    + " Hz must rise and stay below " + sampleRate / 2 + " Hz");
        }
        if (!(envelopeMaxHz > 0) || envelopeMaxHz > sampleRate / 2) {
            throw new IllegalArgumentException("envelope spectrum limit " + envelopeMaxHz + " Hz must lie in (0, "
                    + sampleRate / 2 + "] Hz");
        }
    }

    /** Bin spacing, Hz. */
    public double binHz() {
        return sampleRate / fftSize;
    }

    /** Bins of the magnitude spectrum: {@code fftSize / 2} (0 Hz up to just below Nyquist). */
    public int spectrumBins() {
        return fftSize / 2;
    }

    /** Bins of the envelope spectrum: 0 Hz up to {@code envelopeMaxHz}. */
    public int envelopeBins() {
        return (int) Math.floor(envelopeMaxHz / binHz()) + 1;
    }
}
