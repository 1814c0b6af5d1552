package dev.vigil.drivers.accel.engine;

import java.util.Arrays;

/** Grows the arrays of a {@link SynapseTable} run by run, source by source. */
final class SynapseTableBuilder {
    private final int[] rowStart;
    private int[] runTarget = new int[1024];
    private int[] runLength = new int[1024];
    private int[] runWeight = new int[1024];
    private int[] weights = new int[1024];
    private int runs;
    private int weightCount;

    SynapseTableBuilder(int sources) {
        rowStart = new int[sources + 1];
    }

    /**
     * Appends a run whose weights live at {@code weightOffset} of a shared table (see {@link #shareWeights}).
     * Runs are never empty: {@link SynapseTable#scatter} marks the blocks of a run's first and last target.
     */
    void sharedRun(int target, int length, int weightOffset) {
        if (length <= 0) {
            throw new IllegalArgumentException("empty synapse run at target " + target);
        }
        grow();
        runTarget[runs] = target;
        runLength[runs] = length;
        runWeight[runs] = weightOffset;
        runs++;
    }

    /** Appends one synapse, merged into the previous run when it continues it. */
    void synapse(int target, int weight) {
        if (weightCount == weights.length) {
            weights = Arrays.copyOf(weights, weights.length * 2);
        }
        boolean continues = runs > 0 && runs > rowStart[currentSource]
                && runTarget[runs - 1] + runLength[runs - 1] == target
                && runWeight[runs - 1] + runLength[runs - 1] == weightCount;
        if (continues) {
            runLength[runs - 1]++;
        } else {
            grow();
            runTarget[runs] = target;
            runLength[runs] = 1;
            runWeight[runs] = weightCount;
            runs++;
        }
        weights[weightCount++] = weight;
    }

    private int currentSource;

    /** Closes source {@code s}'s row (sources must be closed in order 0, 1, 2, ...). */
    void endSource(int s) {
        rowStart[s + 1] = runs;
        currentSource = s + 1;
    }

    /** Uses {@code table} as the weight array for runs added with {@link #sharedRun}. */
    void shareWeights(int[] table) {
        weights = table;
        weightCount = table.length;
    }

    private void grow() {
        if (runs == runTarget.length) {
            int n = runTarget.length * 2;
            runTarget = Arrays.copyOf(runTarget, n);
            runLength = Arrays.copyOf(runLength, n);
            runWeight = Arrays.copyOf(runWeight, n);
        }
    }

    SynapseTable build() {
        return new SynapseTable(rowStart, Arrays.copyOf(runTarget, runs), Arrays.copyOf(runLength, runs),
                Arrays.copyOf(runWeight, runs), Arrays.copyOf(weights, weightCount));
    }
}
