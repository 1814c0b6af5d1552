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
     * Adds source {@code s}'s row, {@code times} over, into {@code acc}, and flags in {@code dirty}
     * (when not null) every block of {@code 2^blockShift} targets it touched.
     */
    void scatter(int s, int times, int[] acc, boolean[] dirty, int blockShift) {
        int[] w = weights;
        for (int r = rowStart[s], end = rowStart[s + 1]; r < end; r++) {
            int t = runTarget[r];
            int o = runWeight[r];
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
            if (times == 1) {
                addRun(acc, t, w, o, len);
            } else {
                addRunTimes(acc, t, w, o, len, times);
            }
        }
    }

    private static void addRun(int[] acc, int t, int[] w, int o, int len) {
        int j = 0;
        for (; j + 8 <= len; j += 8) {
            acc[t + j] += w[o + j];
            acc[t + j + 1] += w[o + j + 1];
            acc[t + j + 2] += w[o + j + 2];
            acc[t + j + 3] += w[o + j + 3];
            acc[t + j + 4] += w[o + j + 4];
            acc[t + j + 5] += w[o + j + 5];
            acc[t + j + 6] += w[o + j + 6];
            acc[t + j + 7] += w[o + j + 7];
        }
        for (; j < len; j++) {
            acc[t + j] += w[o + j];
        }
    }

    private static void addRunTimes(int[] acc, int t, int[] w, int o, int len, int times) {
        int j = 0;
        for (; j + 8 <= len; j += 8) {
            acc[t + j] += times * w[o + j];
            acc[t + j + 1] += times * w[o + j + 1];
            acc[t + j + 2] += times * w[o + j + 2];
            acc[t + j + 3] += times * w[o + j + 3];
            acc[t + j + 4] += times * w[o + j + 4];
            acc[t + j + 5] += times * w[o + j + 5];
            acc[t + j + 6] += times * w[o + j + 6];
            acc[t + j + 7] += times * w[o + j + 7];
        }
        for (; j < len; j++) {
            acc[t + j] += times * w[o + j];
        }
    }
}
