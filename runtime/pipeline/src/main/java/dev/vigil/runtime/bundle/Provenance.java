package dev.vigil.runtime.bundle;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a bundle came from: the tool that wrote it, the files it was made from (by name and SHA-256, so
 * a bundle does not depend on where they lay), and how it was trained.
 *
 * @param tool     e.g. {@code vigil 0.1.0}
 * @param sources  the files it was made from, in the order they were used
 * @param training the training options, or null when no lane was trained
 */
public record Provenance(String tool, List<Source> sources, TrainingOptions training) {

    public Provenance {
        sources = List.copyOf(sources);
    }

    /**
     * One file a bundle was made from.
     *
     * @param role   e.g. {@code nir}, {@code log}, {@code labels}, {@code front-end}
     * @param file   its file name
     * @param sha256 its SHA-256, lower-case hex
     */
    public record Source(String role, String file, String sha256) {
    }

    /** A copy with {@code more} sources after these. */
    public Provenance plus(List<Source> more) {
        List<Source> all = new ArrayList<>(sources);
        all.addAll(more);
        return new Provenance(tool, all, training);
    }

    /** A copy trained with {@code options}. */
    public Provenance trained(TrainingOptions options) {
        return new Provenance(tool, sources, options);
    }
}
