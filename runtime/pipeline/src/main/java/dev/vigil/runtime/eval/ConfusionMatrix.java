package dev.vigil.runtime.eval;

import dev.vigil.runtime.learn.Labels;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * What the dense head said against what was there, over its runs: rows are the true classes (the label
 * of the interval a run belongs to, {@code background} outside every interval), columns the head's labels.
 *
 * @param labels every label seen on either side, sorted, {@code background} last
 * @param counts {@code counts[truth][predicted]}, indexed as {@code labels}
 */
public record ConfusionMatrix(List<String> labels, int[][] counts) {

    public ConfusionMatrix {
        labels = List.copyOf(labels);
        int[][] copy = new int[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            copy[i] = counts[i].clone();
        }
        counts = copy;
    }

    @Override
    public int[][] counts() {
        int[][] copy = new int[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            copy[i] = counts[i].clone();
        }
        return copy;
    }

    /** The matrix of pairs {@code truths[i]}, {@code predicted[i]}. */
    public static ConfusionMatrix of(List<String> truths, List<String> predicted) {
        if (truths.size() != predicted.size()) {
            throw new IllegalArgumentException(truths.size() + " truths for " + predicted.size() + " predictions");
        }
        TreeSet<String> all = new TreeSet<>(truths);
        all.addAll(predicted);
        List<String> labels = new ArrayList<>(all);
        if (labels.remove(Labels.BACKGROUND)) {
            labels.add(Labels.BACKGROUND);
        }
        int[][] counts = new int[labels.size()][labels.size()];
        for (int i = 0; i < truths.size(); i++) {
            counts[labels.indexOf(truths.get(i))][labels.indexOf(predicted.get(i))]++;
        }
        return new ConfusionMatrix(labels, counts);
    }

    /** Runs whose true class was {@code truth} and which the head labelled {@code predicted}. */
    public int count(String truth, String predicted) {
        int t = labels.indexOf(truth);
        int p = labels.indexOf(predicted);
        return t < 0 || p < 0 ? 0 : counts[t][p];
    }

    /** Every run counted. */
    public int total() {
        int n = 0;
        for (int[] row : counts) {
            for (int c : row) {
                n += c;
            }
        }
        return n;
    }
}
