package dev.vigil.runtime.learn;

/**
 * How {@code vigil train} fits a lane.
 *
 * @param seed          random seed of the SGD (same seed and inputs give the same bundle, byte for byte)
 * @param windows       windows of counts the dense head reads (the waking one and those before it)
 * @param hidden        hidden units of the dense head
 * @param epochs        SGD passes over the examples
 * @param learningRate  SGD step size
 * @param shots         examples per class for the few-shot last layer (the first ones in time)
 * @param guardMs       windows closer than this to a labelled interval are neither event nor background
 */
public record TrainingOptions(long seed, int windows, int hidden, int epochs, double learningRate, int shots, int guardMs) {

    public TrainingOptions {
        if (windows < 1 || windows > 64 || hidden < 1 || hidden > 256 || epochs < 1 || epochs > 10_000
                || !(learningRate > 0 && learningRate < 10) || shots < 1 || guardMs < 0) {
            throw new IllegalArgumentException("training options out of range: " + this);
        }
    }

    /** Defaults: seed 7, 4 windows, 16 hidden units, 60 epochs, rate 0.05, 20 shots, 500 ms guard. */
    public static TrainingOptions defaults() {
        return new TrainingOptions(7, 4, 16, 60, 0.05, 20, 500);
    }
}
