package dev.vigil.runtime.cli.report;

import dev.vigil.wake.WakeDecision;

import java.util.Arrays;

/**
 * One lane's windows in at most {@value #MAX_COLUMNS} columns, so that an hour-long recording keeps a
 * bounded size: each column holds {@link #windowsPerColumn()} consecutive windows (a power of two), and
 * when the columns are full, neighbours merge pairwise and the count doubles. A column keeps each readout
 * neuron's spike total, the wake rule's highest value with the threshold of that window, the front end's
 * energy spent by its end, and the dense runs made in it.
 */
final class LaneTrace {
    /** Columns at most; a long lane ends with between half this and this many. */
    static final int MAX_COLUMNS = 8192;

    private final int neurons;
    private final int[][] spikes;
    private final float[] value;
    private final float[] threshold;
    private final double[] frontJ;
    private final int[] denseRuns;
    private String rule = "";
    private int perColumn = 1;
    private int columns;
    private int inLast;
    private long windows;
    private long firstEndUs = Long.MIN_VALUE;

    LaneTrace(int neurons) {
        this.neurons = neurons;
        this.spikes = new int[neurons][MAX_COLUMNS];
        this.value = new float[MAX_COLUMNS];
        this.threshold = new float[MAX_COLUMNS];
        this.frontJ = new double[MAX_COLUMNS];
        this.denseRuns = new int[MAX_COLUMNS];
    }

    /** Adds the window ending at {@code endUs}. */
    void window(long endUs, int[] counts, WakeDecision decision) {
        if (firstEndUs == Long.MIN_VALUE) {
            firstEndUs = endUs;
            rule = decision.rule();
        }
        if (columns == 0 || inLast == perColumn) {
            if (columns == MAX_COLUMNS) {
                halve();
            }
            int c = columns++;
            value[c] = Float.NEGATIVE_INFINITY;
            frontJ[c] = c == 0 ? 0 : frontJ[c - 1];
            inLast = 0;
        }
        int c = columns - 1;
        for (int n = 0; n < neurons; n++) {
            spikes[n][c] += counts[n];
        }
        if (decision.value() > value[c]) {
            value[c] = (float) decision.value();
            threshold[c] = (float) decision.threshold();
        }
        inLast++;
        windows++;
    }

    /** The front end has spent {@code joules} by now. */
    void frontEnergy(double joules) {
        if (columns > 0) {
            frontJ[columns - 1] = joules;
        }
    }

    /** The dense stage ran once now. */
    void denseRun() {
        if (columns > 0) {
            denseRuns[columns - 1]++;
        }
    }

    /** Merges neighbouring columns pairwise. */
    private void halve() {
        int half = columns / 2;
        for (int i = 0; i < half; i++) {
            int a = 2 * i;
            int b = a + 1;
            for (int n = 0; n < neurons; n++) {
                spikes[n][i] = spikes[n][a] + spikes[n][b];
            }
            boolean second = value[b] > value[a];
            value[i] = second ? value[b] : value[a];
            threshold[i] = second ? threshold[b] : threshold[a];
            frontJ[i] = frontJ[b];
            denseRuns[i] = denseRuns[a] + denseRuns[b];
        }
        for (int n = 0; n < neurons; n++) {
            Arrays.fill(spikes[n], half, columns, 0);
        }
        Arrays.fill(denseRuns, half, columns, 0);
        columns = half;
        perColumn *= 2;
    }

    int columns() {
        return columns;
    }

    int windowsPerColumn() {
        return perColumn;
    }

    long windows() {
        return windows;
    }

    /** End time of the lane's first window, or {@link Long#MIN_VALUE} before it. */
    long firstEndUs() {
        return firstEndUs;
    }

    /** The wake rule of the first window (e.g. {@code threshold-hysteresis}). */
    String rule() {
        return rule;
    }

    int neurons() {
        return neurons;
    }

    /** Spikes of readout {@code neuron} per column. */
    int[] spikes(int neuron) {
        return Arrays.copyOf(spikes[neuron], columns);
    }

    /** The wake rule's highest value per column. */
    float[] value() {
        return Arrays.copyOf(value, columns);
    }

    /** The threshold of the window holding that value. */
    float[] threshold() {
        return Arrays.copyOf(threshold, columns);
    }

    /** Front-end energy spent in each column, J. */
    double[] frontJ() {
        double[] j = new double[columns];
        for (int c = 0; c < columns; c++) {
            j[c] = frontJ[c] - (c == 0 ? 0 : frontJ[c - 1]);
        }
        return j;
    }

    /** Dense runs per column. */
    int[] denseRuns() {
        return Arrays.copyOf(denseRuns, columns);
    }

    /** Windows in column {@code c}: {@link #windowsPerColumn()}, fewer in a last column not yet full. */
    int windowsIn(int c) {
        return c == columns - 1 ? inLast : perColumn;
    }
}
