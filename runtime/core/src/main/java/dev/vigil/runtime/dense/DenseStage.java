package dev.vigil.runtime.dense;

/**
 * Runs an {@link Int8Model} on a {@link DenseDevice} and counts what it did: invocations,
 * multiply-accumulates, non-zero activations at its input, CPU time and the device's energy. Only the
 * pipeline's wake path calls {@link #run(int[])}.
 */
public final class DenseStage {
    private final Int8Model model;
    private final DenseDevice device;
    private final DenseExecutor executor;
    private final int[] input;
    private final int[] logits;
    private long invocations;
    private long macs;
    private long nonZeroInputs;
    private long nanos;
    private long maxNanos;

    /** A stage running {@code model} on the golden CPU engine. */
    public DenseStage(Int8Model model) {
        this(model, new CpuDenseDevice());
    }

    /** A stage running {@code model} on {@code device}. */
    public DenseStage(Int8Model model, DenseDevice device) {
        this.model = model;
        this.device = device;
        this.executor = device.load(model);
        this.input = new int[model.inputs()];
        this.logits = new int[model.labels().size()];
    }

    /**
     * Classifies {@code tensor}: rows of readout counts, oldest first, ending with the waking window.
     * When it holds more rows than the model reads, the model sees the newest {@code windows} rows.
     */
    public DenseResult run(int[] tensor) {
        long start = System.nanoTime();
        int n = input.length;
        if (tensor.length < n || tensor.length % model.featuresPerWindow() != 0) {
            throw new IllegalArgumentException("dense model '" + model.name() + "' takes " + n
                    + " counts (" + model.windows() + " windows of " + model.featuresPerWindow() + "), got " + tensor.length);
        }
        int offset = tensor.length - n;
        for (int i = 0; i < n; i++) {
            int q = Math.min(127, Math.max(0, tensor[offset + i]) >> model.inputShift());
            input[i] = q;
            if (q != 0) {
                nonZeroInputs++;
            }
        }
        executor.run(input, logits);
        int best = 0;
        for (int o = 1; o < logits.length; o++) {
            if (logits[o] > logits[best]) {
                best = o;
            }
        }
        double sum = 0;
        for (int v : logits) {
            sum += Math.exp((v - logits[best]) * model.logitScale());
        }
        invocations++;
        macs += model.macs();
        long took = System.nanoTime() - start;
        nanos += took;
        maxNanos = Math.max(maxNanos, took);
        return new DenseResult(best, model.labels().get(best), 1.0 / sum, logits.clone());
    }

    /** Times {@link #run(int[])} was called. */
    public long invocations() {
        return invocations;
    }

    /** Multiply-accumulates performed. */
    public long macs() {
        return macs;
    }

    /** Fraction of the quantised inputs that were zero, over all invocations (activation sparsity). */
    public double inputSparsity() {
        long seen = invocations * input.length;
        return seen == 0 ? 0 : 1 - (double) nonZeroInputs / seen;
    }

    /** CPU time spent in {@link #run(int[])}, in nanoseconds. */
    public long nanos() {
        return nanos;
    }

    /** The longest single invocation, ns. */
    public long maxNanos() {
        return maxNanos;
    }

    /** Energy the dense device itself spent, J (MACs × its energy per MAC). */
    public double deviceJoules() {
        return macs * device.joulesPerMac();
    }

    /** The device. */
    public DenseDevice device() {
        return device;
    }

    /** The model. */
    public Int8Model model() {
        return model;
    }
}
