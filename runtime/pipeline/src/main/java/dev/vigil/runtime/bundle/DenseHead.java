package dev.vigil.runtime.bundle;

import dev.vigil.runtime.dense.Int8Model;

import java.util.List;

/**
 * A lane's dense head: an int8 model and the view of the lane it reads.
 *
 * @param view  what the model reads; {@value #READOUT_COUNTS} (the readouts' spike counts, one row per
 *              window, oldest first) is the only view today
 * @param model the int8 model
 */
public record DenseHead(String view, Int8Model model) {
    /** The readouts' spike counts per window. */
    public static final String READOUT_COUNTS = "readout-counts";
    /** Views this version reads. */
    public static final List<String> VIEWS = List.of(READOUT_COUNTS);

    public DenseHead {
        if (!VIEWS.contains(view)) {
            throw new IllegalArgumentException("head view '" + view + "' is not one this vigil reads (" + String.join(", ", VIEWS) + ")");
        }
        if (model == null) {
            throw new IllegalArgumentException("head model missing");
        }
    }

    /** A head over readout counts. */
    public static DenseHead counts(Int8Model model) {
        return new DenseHead(READOUT_COUNTS, model);
    }
}
