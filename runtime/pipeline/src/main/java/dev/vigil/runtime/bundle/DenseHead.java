package dev.vigil.runtime.bundle;

import dev.vigil.runtime.dense.Int8Model;
import dev.vigil.sensors.features.SpanFeatures;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A lane's dense head: an int8 model (or an ensemble of them) and the view of the lane it reads.
 *
 * @param view     what the model reads: {@value #READOUT_COUNTS} (the readouts' spike counts, one row per
 *                 window, oldest first), {@value #LOG_MEL} (an audio lane's log-mel frames) or
 *                 {@value #VIBRATION_SPECTRA} (a vibration lane's envelope and magnitude spectra), the
 *                 last two computed on wake from the raw signal
 * @param model    the int8 model
 * @param features for the feature views, which features and their int8 scale; null for readout counts
 * @param acceptScores per label, the lowest probability at which the head answers it (a result under it gives
 *                 way to the best label without one: a reject class); null when the head answers its arg-max
 *                 whatever the probability. {@code vigil train} sets it for target labels from examples it held out
 * @param ensemble the ensemble's further models (e.g. trained with other seeds: {@code vigil train --seed 7,11,13}),
 *                 each of {@code model}'s shape and labels; the head answers from the mean softmax probabilities of
 *                 {@code model} and these, and accept scores apply to that mean. Null for a single model; feature
 *                 views only, at most {@value #MAX_ENSEMBLE} models in all
 */
public record DenseHead(String view, Int8Model model, FeatureSpec features, Map<String, Double> acceptScores,
                        List<Int8Model> ensemble) {
    /** The readouts' spike counts per window. */
    public static final String READOUT_COUNTS = "readout-counts";
    /** Log-mel frames of the span up to the run. */
    public static final String LOG_MEL = "log-mel";
    /** Envelope and magnitude spectra of the span up to the run. */
    public static final String VIBRATION_SPECTRA = "vibration-spectra";
    /** Views this version reads. */
    public static final List<String> VIEWS = List.of(READOUT_COUNTS, LOG_MEL, VIBRATION_SPECTRA);
    /** Most models one head averages. */
    public static final int MAX_ENSEMBLE = 8;

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
        acceptScores = checkedAcceptScores("head '" + model.name() + "'", model.labels(), acceptScores);
        ensemble = checkedEnsemble(view, model, ensemble);
    }

    /** A single model's head. */
    public DenseHead(String view, Int8Model model, FeatureSpec features, Map<String, Double> acceptScores) {
        this(view, model, features, acceptScores, null);
    }

    /** A single model's head that answers its arg-max whatever the probability. */
    public DenseHead(String view, Int8Model model, FeatureSpec features) {
        this(view, model, features, null, null);
    }

    private static List<Int8Model> checkedEnsemble(String view, Int8Model model, List<Int8Model> ensemble) {
        if (ensemble == null || ensemble.isEmpty()) {
            return null;
        }
        if (view.equals(READOUT_COUNTS)) {
            throw new IllegalArgumentException("head '" + model.name() + "' over " + READOUT_COUNTS + " is one model; ensembles"
                    + " are for heads over raw-signal features");
        }
        if (ensemble.size() + 1 > MAX_ENSEMBLE) {
            throw new IllegalArgumentException("head '" + model.name() + "' averages " + (ensemble.size() + 1) + " models, at most "
                    + MAX_ENSEMBLE);
        }
        for (Int8Model m : ensemble) {
            if (!m.labels().equals(model.labels()) || m.inputs() != model.inputs() || m.windows() != model.windows()) {
                throw new IllegalArgumentException("head '" + model.name() + "': ensemble model '" + m.name() + "' reads "
                        + m.inputs() + " values and answers " + m.labels() + ", the head's first reads " + model.inputs()
                        + " and answers " + model.labels() + "; an ensemble's models read and answer the same");
            }
        }
        return List.copyOf(ensemble);
    }

    /** The models the head averages: {@code model}, then the ensemble's. */
    public List<Int8Model> models() {
        return models(model, ensemble);
    }

    /** {@code first}, then {@code more} (null or empty: none): the models of a head and its ensemble, in order. */
    public static List<Int8Model> models(Int8Model first, List<Int8Model> more) {
        List<Int8Model> all = new ArrayList<>();
        all.add(first);
        if (more != null) {
            all.addAll(more);
        }
        return List.copyOf(all);
    }

    /** The same head averaging {@code more} models besides its own (their labels and inputs must match). */
    public DenseHead withEnsemble(List<Int8Model> more) {
        return new DenseHead(view, model, features, acceptScores, more);
    }

    /**
     * {@code scores} as a head with {@code labels} keeps them: sorted by label, null when empty.
     *
     * @throws IllegalArgumentException naming {@code owner} and the label when a label is not one of
     *                                  {@code labels}, a score is not in (0, 1], or every label has one
     */
    public static Map<String, Double> checkedAcceptScores(String owner, List<String> labels, Map<String, Double> scores) {
        if (scores == null || scores.isEmpty()) {
            return null;
        }
        for (Map.Entry<String, Double> e : scores.entrySet()) {
            if (!labels.contains(e.getKey())) {
                throw new IllegalArgumentException(owner + ": accept score for '" + e.getKey() + "', which is not one of its labels "
                        + labels);
            }
            Double v = e.getValue();
            if (v == null || !(v > 0 && v <= 1)) {
                throw new IllegalArgumentException(owner + ": accept score of '" + e.getKey() + "' must be a probability in (0, 1], got " + v);
            }
        }
        if (scores.keySet().containsAll(labels)) {
            throw new IllegalArgumentException(owner + ": every label has an accept score, so a result under its score"
                    + " would have no label to give way to; leave the reject labels (e.g. background) without one");
        }
        return Collections.unmodifiableSortedMap(new TreeMap<>(scores));
    }

    /** A copy that answers a label only at {@code scores} or above (null or empty: at any probability). */
    public DenseHead withAcceptScores(Map<String, Double> scores) {
        return new DenseHead(view, model, features, scores, ensemble);
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
