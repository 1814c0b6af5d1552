package dev.vigil.runtime.dense;

/** A model loaded on a {@link DenseDevice}. Not thread-safe; allocates nothing per call. */
public interface DenseExecutor {

    /** Runs the model on int8 {@code input} (length = model inputs), writing logits into {@code logits}. */
    void run(int[] input, int[] logits);
}
