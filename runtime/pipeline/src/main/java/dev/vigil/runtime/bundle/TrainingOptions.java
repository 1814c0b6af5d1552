package dev.vigil.runtime.bundle;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * How {@code vigil train} fitted a bundle's lanes, as its provenance records.
 *
 * @param seed          random seed of the SGD (same seed and inputs give the same bundle, byte for byte)
 * @param windows       windows of counts before and including the waking one that the dense head reads
 * @param postWindows   windows after the waking one the dense head waits for and reads too (0 = it runs at
 *                      the wake)
 * @param hidden        hidden units of the dense head
 * @param epochs        SGD passes over the examples
 * @param learningRate  SGD step size
 * @param prototypes    fit the last layer few-shot as class prototypes (Akida-style) instead of by SGD
 * @param shots         examples per class for the prototypes (spread evenly over the class's examples)
 * @param guardMs       windows closer than this to a labelled interval are neither event nor background
 * @param negatives     labels that mark distractors (e.g. {@code speech} that is not a keyword): the wake
 *                      fit ignores them, the dense head learns them as reject classes, and evaluation
 *                      scores them apart from targets and background; sorted, no duplicates
 * @param head          the kind of dense head: {@value #MLP} (an int8 MLP over the readouts' spike counts) or
 *                      {@value #CNN} (a small int8 CNN over the raw-signal features an audio or vibration
 *                      lane computes on wake: log-mel frames, or envelope and magnitude spectra)
 * @param falseAcceptsPerHour for a CNN head, the false accepts per hour its target labels' accept score is chosen
 *                      for, on a fifth of the labelled events and negative windows held out of training; null:
 *                      none held out, no accept score (the head answers its arg-max)
 * @param ensembleSeeds for a CNN head, the seeds of the further models of an ensemble head (each trained as a head of
 *                      its own with that seed; the head answers from their mean probabilities with the first's):
 *                      distinct, none equal to {@code seed}, at most {@value DenseHead#MAX_ENSEMBLE} seeds in all;
 *                      null: one model
 */
public record TrainingOptions(long seed, int windows, int postWindows, int hidden, int epochs, double learningRate,
                              boolean prototypes, int shots, int guardMs, List<String> negatives, String head,
                              Double falseAcceptsPerHour, List<Long> ensembleSeeds) {
    /** The class of windows outside every labelled interval (a dense head's last class). */
    public static final String BACKGROUND = "background";
    /** An int8 MLP over spike counts. */
    public static final String MLP = "mlp";
    /** An int8 CNN over raw-signal features. */
    public static final String CNN = "cnn";

    public TrainingOptions {
        if (windows < 1 || windows > 64 || postWindows < 0 || postWindows > 64 || hidden < 1 || hidden > 256
                || epochs < 1 || epochs > 10_000 || !(learningRate > 0 && learningRate < 10) || shots < 1 || guardMs < 0) {
            throw new IllegalArgumentException("training options out of range: " + this);
        }
        negatives = List.copyOf(new TreeSet<>(negatives));
        head = head == null ? MLP : head;
        if (!head.equals(MLP) && !head.equals(CNN)) {
            throw new IllegalArgumentException("head kind is " + MLP + " or " + CNN + ", not '" + head + "'");
        }
        if (falseAcceptsPerHour != null && !(falseAcceptsPerHour >= 0 && falseAcceptsPerHour < 1e6)) {
            throw new IllegalArgumentException("false accepts per hour must be 0 or more, got " + falseAcceptsPerHour);
        }
        if (ensembleSeeds != null && ensembleSeeds.isEmpty()) {
            ensembleSeeds = null;
        }
        if (ensembleSeeds != null) {
            ensembleSeeds = List.copyOf(ensembleSeeds);
            if (!head.equals(CNN)) {
                throw new IllegalArgumentException("an ensemble of seeds is for a " + CNN + " head, not '" + head + "'");
            }
            if (ensembleSeeds.size() + 1 > DenseHead.MAX_ENSEMBLE || ensembleSeeds.contains(seed)
                    || new TreeSet<>(ensembleSeeds).size() != ensembleSeeds.size()) {
                throw new IllegalArgumentException("ensemble seeds must be distinct, at most " + DenseHead.MAX_ENSEMBLE
                        + " in all, got " + seed + " and " + ensembleSeeds);
            }
        }
        for (String n : negatives) {
            if (n.equals(BACKGROUND)) {
                throw new IllegalArgumentException("'" + BACKGROUND + "' cannot be a negative label: it is the class of unlabelled windows");
            }
        }
    }

    /**
     * Defaults: seed 7, 4 windows, none after, 16 hidden units, 60 epochs, rate 0.05, SGD last layer, 20 shots,
     * 500 ms guard, no negatives, an MLP head.
     */
    public static TrainingOptions defaults() {
        return new TrainingOptions(7, 4, 0, 16, 60, 0.05, false, 20, 500, List.of(), MLP, null, null);
    }

    /** "seed 7", or for an ensemble "seeds 7, 11, 13". */
    public String describeSeeds() {
        List<Long> all = seeds();
        return all.size() == 1 ? "seed " + seed : "seeds " + all.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    /** Every seed a head is trained with: {@code seed}, then the ensemble's. */
    public List<Long> seeds() {
        List<Long> all = new ArrayList<>();
        all.add(seed);
        if (ensembleSeeds != null) {
            all.addAll(ensembleSeeds);
        }
        return List.copyOf(all);
    }

    /** True for a CNN head over raw-signal features. */
    public boolean cnn() {
        return head.equals(CNN);
    }

    /** True when {@code label} marks a distractor. */
    public boolean isNegative(String label) {
        return negatives.contains(label);
    }
}
