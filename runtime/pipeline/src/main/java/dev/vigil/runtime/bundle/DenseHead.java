package dev.vigil.runtime.bundle;

import dev.vigil.runtime.dense.Int8Model;
import dev.vigil.sensors.features.SpanFeatures;

import java.util.List;

/**
 * A lane's dense head: an int8 model and the view of the lane it reads.
 *
 * @param view     what the model reads: {@value #READOUT_COUNTS} (the readouts' spike counts, one row per
 *                 window, oldest first), {@value #LOG_MEL} (an audio lane's log-mel frames) or
 *                 {@value #VIBRATION_SPECTRA} (a vibration lane's envelope and magnitude spectra), the
 *                 last two computed on wake from the raw signal
 * @param model    the int8 model
 * @param features for the feature views, which features and their int8 scale; null for readout counts
 */
public record DenseHead(String view, Int8Model model, FeatureSpec features) {
    /** The readouts' spike counts per window. */
    public static final String READOUT_COUNTS = "readout-counts";
    /** Log-mel frames of the span up to the run. */
    public static final String LOG_MEL = "log-mel";
    /** Envelope and magnitude spectra of the span up to the run. */
    public static final String VIBRATION_SPECTRA = "vibration-spectra";
    /** Views this version reads. */
    public static final List<String> VIEWS = List.of(READOUT_COUNTS, LOG_MEL, VIBRATION_SPECTRA);

    public DenseHead {
        if (!VIEWS.contains(view)) {
            throw new IllegalArgumentException("head view '" + view + "' is not one this vigil reads (" + String.join(", ", VIEWS) + ")");
        }
        if (model == null) {
            throw new IllegalArgumentException("head model missing");
        }
        if (view.equals(READOUT_COUNTS) != (features == null)) {
            throw new IllegalArgumentException("head view '" + view + "' " + (features == null ? "needs its feature settings"
                    : "reads no feature settings"));
        }
        if (features != null) {
            if (!features.view().equals(view)) {
                throw new IllegalArgumentException("head view '" + view + "' holds " + features.view() + " settings");
            }
            int size = features.extractor().size();
            if (model.inputs() != size || model.windows() != 1) {
                throw new IllegalArgumentException("head '" + model.name() + "' reads " + model.inputs() + " values in "
                        + model.windows() + " windows, its " + view + " view gives " + size + " in one");
            }
        }
    }

    /** A head over readout counts. */
    public static DenseHead counts(Int8Model model) {
        return new DenseHead(READOUT_COUNTS, model, null);
    }

    /** A head over raw-signal features. */
    public static DenseHead features(Int8Model model, FeatureSpec features) {
        return new DenseHead(features.view(), model, features);
    }

    /** True when the head reads raw-signal features, not spike counts. */
    public boolean readsFeatures() {
        return features != null;
    }

    /** A new extractor of the features the head reads; only for feature views. */
    public SpanFeatures extractor() {
        return features.extractor();
    }
}
