package dev.vigil.drivers.accel.engine;

/**
 * The engine's kernels in plain Java: the dense loops are written for the JIT's auto-vectoriser (branch
 * free, one index), a run is added eight synapses at a time.
 */
final class ScalarKernels implements EngineKernels {
    static final ScalarKernels INSTANCE = new ScalarKernels();

    private ScalarKernels() {
    }

    @Override
    public void addRun(int[] acc, int target, int[] weights, int offset, int length, int times) {
        int j = 0;
        for (; j + 8 <= length; j += 8) {
            acc[target + j] += times * weights[offset + j];
            acc[target + j + 1] += times * weights[offset + j + 1];
            acc[target + j + 2] += times * weights[offset + j + 2];
            acc[target + j + 3] += times * weights[offset + j + 3];
            acc[target + j + 4] += times * weights[offset + j + 4];
            acc[target + j + 5] += times * weights[offset + j + 5];
            acc[target + j + 6] += times * weights[offset + j + 6];
            acc[target + j + 7] += times * weights[offset + j + 7];
        }
        for (; j < length; j++) {
            acc[target + j] += times * weights[offset + j];
        }
    }

    /** One vectorisable pass that also reduces the block's maximum; only a block that reached the threshold is scanned. */
    @Override
    public int integrateAndFire(EngineLayer l, int[] input, int start, int end, int shift, int threshold, int fired) {
        int[] v = l.v;
        int max = Integer.MIN_VALUE;
        int touched = 0;
        for (int i = start; i < end; i++) {
            int in = input[i];
            int x = v[i];
            x = x - (x >> shift) + in;
            v[i] = x;
            input[i] = 0;
            touched += (in | -in) >>> 31;
            max = Math.max(max, x);
        }
        l.activeNeurons += touched;
        if (max < threshold) {
            return fired;
        }
        int[] spikes = l.spikes;
        for (int i = start; i < end; i++) {
            if (v[i] >= threshold) {
                v[i] = 0;
                spikes[fired++] = i;
            }
        }
        return fired;
    }

    @Override
    public boolean leakAndCheckQuiet(int[] v, int start, int end, int shift, int quietLimit) {
        int max = Integer.MIN_VALUE;
        int min = Integer.MAX_VALUE;
        for (int i = start; i < end; i++) {
            int x = v[i];
            x -= x >> shift;
            v[i] = x;
            max = Math.max(max, x);
            min = Math.min(min, x);
        }
        return min >= 0 && max < quietLimit;
    }
}
