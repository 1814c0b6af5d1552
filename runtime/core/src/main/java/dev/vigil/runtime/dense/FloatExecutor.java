package dev.vigil.runtime.dense;

/** An {@link ExternalModel} loaded on a {@link DenseDevice}. Not thread-safe; closing frees the runtime's memory. */
public interface FloatExecutor extends AutoCloseable {

    /**
     * Runs the model on {@code input} (the input tensor's values, row-major, length {@link
     * ExternalModel#inputSize()}), writing one score per label into {@code scores}.
     *
     * @throws IllegalStateException naming the model when its runtime fails
     */
    void run(float[] input, float[] scores);

    @Override
    void close();
}
