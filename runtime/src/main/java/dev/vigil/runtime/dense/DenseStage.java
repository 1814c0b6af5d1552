package dev.vigil.runtime.dense;

/**
 * Runs an {@link Int8Mlp} and counts what it did: invocations, multiply-accumulates and CPU time.
 * Only the pipeline's wake path calls {@link #run(int[])}.
 */
public final class DenseStage {
    private final Int8Mlp model;
    private final int[][] activations;
    private final int[] input;
    private long invocations;
    private long macs;
    private long nanos;

    /** A stage running {@code model}. */
    public DenseStage(Int8Mlp model) {
        this.model = model;
        this.input = new int[model.inputs()];
        this.activations = new int[model.layers().size()][];
        for (int l = 0; l < activations.length; l++) {
            activations[l] = new int[model.layers().get(l).outputs()];
        }
    }

    /** Classifies spike counts {@code counts} (length = model inputs). */
    public DenseResult run(int[] counts) {
        long start = System.nanoTime();
        if (counts.length != input.length) {
            throw new IllegalArgumentException("dense model '" + model.name() + "' takes " + input.length
                    + " counts, got " + counts.length);
        }
        for (int i = 0; i < counts.length; i++) {
            input[i] = Math.min(127, Math.max(0, counts[i]) >> model.inputShift());
        }
        int[] x = input;
        for (int l = 0; l < activations.length; l++) {
            macs += model.layers().get(l).forward(x, activations[l]);
            x = activations[l];
        }
        int best = 0;
        for (int o = 1; o < x.length; o++) {
            if (x[o] > x[best]) {
                best = o;
            }
        }
        double sum = 0;
        for (int v : x) {
            sum += Math.exp((v - x[best]) * model.logitScale());
        }
        invocations++;
        nanos += System.nanoTime() - start;
        return new DenseResult(best, model.labels().get(best), 1.0 / sum, x.clone());
    }

    /** Times {@link #run(int[])} was called. */
    public long invocations() {
        return invocations;
    }

    /** Multiply-accumulates performed. */
    public long macs() {
        return macs;
    }

    /** CPU time spent in {@link #run(int[])}, in nanoseconds. */
    public long nanos() {
        return nanos;
    }

    /** The model. */
    public Int8Mlp model() {
        return model;
    }
}
