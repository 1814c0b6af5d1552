package dev.vigil.runtime.bundle;

import dev.vigil.sensors.features.Int8Scale;
import dev.vigil.sensors.features.LogMel;
import dev.vigil.sensors.features.LogMelSettings;
import dev.vigil.sensors.features.SpanFeatures;
import dev.vigil.sensors.features.SpectrumSettings;
import dev.vigil.sensors.features.VibrationFeatures;

/**
 * The raw-signal features a head reads instead of spike counts, as its bundle records them: either
 * log-mel frames ({@code logMel}, an audio lane's {@code 1 × bands × frames} map) or vibration spectra
 * ({@code spectrum}, a vibration lane's {@code 2 × 1 × bins} map of envelope and averaged magnitude
 * spectrum, see {@link VibrationFeatures}), and the int8 scale the head was trained with.
 *
 * @param logMel   log-mel settings, or null
 * @param spectrum spectrum settings, or null
 * @param scale    how feature values become the head's int8 inputs
 */
public record FeatureSpec(LogMelSettings logMel, SpectrumSettings spectrum, Int8Scale scale) {

    public FeatureSpec {
        if ((logMel == null) == (spectrum == null)) {
            throw new IllegalArgumentException("a feature head reads either log-mel frames or vibration spectra, exactly one");
        }
        if (scale == null) {
            throw new IllegalArgumentException("a feature head needs its int8 scale");
        }
    }

    /** Log-mel frames quantised by {@code scale}. */
    public static FeatureSpec logMel(LogMelSettings settings, Int8Scale scale) {
        return new FeatureSpec(settings, null, scale);
    }

    /** Vibration spectra quantised by {@code scale}. */
    public static FeatureSpec spectra(SpectrumSettings settings, Int8Scale scale) {
        return new FeatureSpec(null, settings, scale);
    }

    /** The view's name in the bundle: {@value DenseHead#LOG_MEL} or {@value DenseHead#VIBRATION_SPECTRA}. */
    public String view() {
        return logMel != null ? DenseHead.LOG_MEL : DenseHead.VIBRATION_SPECTRA;
    }

    /** A new extractor of these features (each holds its own buffers). */
    public SpanFeatures extractor() {
        return logMel != null ? new LogMel(logMel) : new VibrationFeatures(spectrum);
    }

    /** The sample rate the features were set up for, Hz. */
    public double sampleRate() {
        return logMel != null ? logMel.sampleRate() : spectrum.sampleRate();
    }
}
