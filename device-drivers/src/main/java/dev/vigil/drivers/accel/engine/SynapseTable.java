package dev.vigil.drivers.accel.engine;

import java.util.Arrays;

/**
 * Fan-out of every source of one layer in structure-of-arrays form: source {@code s} owns runs
 * {@code rowStart[s] .. rowStart[s+1]-1}; run {@code r} adds {@code weights[runWeight[r] + j]} to
 * target {@code runTarget[r] + j} for {@code j < runLength[r]}. Contiguous runs let one event touch
 * whole cache lines and let the JIT vectorise the inner loop.
 */
final class SynapseTable {
    final int[] rowStart;
    final int[] runTarget;
    final int[] runLength;
    final int[] runWeight;
    final int[] weights;
    /** Synapses per source, for the synaptic-operation count. */
    final int[] rowSynapses;

    SynapseTable(int[] rowStart, int[] runTarget, int[] runLength, int[] runWeight, int[] weights) {
        this.rowStart = rowStart;
        this.runTarget = runTarget;
        this.runLength = runLength;
        this.runWeight = runWeight;
        this.weights = weights;
        int sources = rowStart.length - 1;
        rowSynapses = new int[sources];
        for (int s = 0; s < sources; s++) {
            int total = 0;
            for (int r = rowStart[s]; r < rowStart[s + 1]; r++) {
                total += runLength[r];
            }
            rowSynapses[s] = total;
        }
    }

    /** Marks the table as pure routing: its additions are not synaptic operations. */
    SynapseTable weightless() {
        Arrays.fill(rowSynapses, 0);
        return this;
    }

    /**
     * Adds source {@code s}'s row, {@code times} over, into {@code acc} with {@code kernels}, and flags in
     * {@code dirty} (when not null) every block of {@code 2^blockShift} targets it touched.
     */
    void scatter(int s, int times, int[] acc, boolean[] dirty, int blockShift, EngineKernels kernels) {
        for (int r = rowStart[s], end = rowStart[s + 1]; r < end; r++) {
            int t = runTarget[r];
            int len = runLength[r];
            if (dirty != null) {
                int first = t >>> blockShift;
                int last = (t + len - 1) >>> blockShift;
                dirty[first] = true;
                dirty[last] = true;
                for (int b = first + 1; b < last; b++) {
                    dirty[b] = true;
                }
            }
            kernels.addRun(acc, t, weights, runWeight[r], len, times);
        }
    }
}
