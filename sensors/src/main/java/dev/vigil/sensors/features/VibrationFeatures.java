package dev.vigil.sensors.features;

/**
 * The view a vibration head reads: a {@code 2 × 1 × bins} feature map whose first channel is the
 * envelope spectrum from 0 Hz ({@link SpectrumSettings#envelopeBins()} bins, where bearing defect
 * lines show) and whose second is the magnitude spectrum from 0 Hz to Nyquist averaged down to as many
 * bins (bin {@code j} is the mean of bins {@code floor(j·M/bins) .. floor((j+1)·M/bins) - 1} of the
 * {@code M = fftSize/2}), both as amplitudes in the signal's units ({@link VibrationSpectra}). Holds
 * every buffer, so a span allocates nothing.
 */
public final class VibrationFeatures implements SpanFeatures {
    private final VibrationSpectra spectra;
    private final int bins;
    private final float[] magnitude;
    private final float[] envelope;
    private final float[] span;

    /** The view of spans as {@code settings} say. */
    public VibrationFeatures(SpectrumSettings settings) {
        this.spectra = new VibrationSpectra(settings);
        this.bins = settings.envelopeBins();
        if (bins > settings.spectrumBins()) {
            throw new IllegalArgumentException("envelope spectrum of " + bins + " bins is wider than the magnitude spectrum ("
                    + settings.spectrumBins() + ")");
        }
        this.magnitude = new float[settings.spectrumBins()];
        this.envelope = new float[bins];
        this.span = new float[settings.fftSize()];
    }

    /** The settings. */
    public SpectrumSettings settings() {
        return spectra.settings();
    }

    @Override
    public int spanSamples() {
        return spectra.settings().fftSize();
    }

    @Override
    public int channels() {
        return 2;
    }

    @Override
    public int height() {
        return 1;
    }

    @Override
    public int width() {
        return bins;
    }

    @Override
    public void compute(float[] samples, float[] out) {
        spectra.compute(samples, magnitude, envelope);
        System.arraycopy(envelope, 0, out, 0, bins);
        int m = magnitude.length;
        for (int j = 0; j < bins; j++) {
            int from = (int) ((long) j * m / bins);
            int to = (int) ((long) (j + 1) * m / bins);
            double sum = 0;
            for (int k = from; k < to; k++) {
                sum += magnitude[k];
            }
            out[bins + j] = (float) (sum / (to - from));
        }
    }

    @Override
    public void compute(SampleRing ring, long end, float[] out) {
        ring.copy(end, span.length, span);
        compute(span, out);
    }
}
