package dev.vigil.runtime.dense;

/**
 * One layer of an int8 dense-stage model. Activations between layers are int8 values held in ints,
 * laid out flat and channel-major ({@code (c * height + y) * width + x}), so a fully connected layer
 * after a convolution reads its feature map as it lies (flattening is the identity). Weighted layers
 * accumulate in 32-bit integers and requantise in one scheme: hidden layers apply ReLU, multiply by
 * {@code multiplier}, shift right arithmetically by {@code shift} and saturate to 0..127 (ReLU is
 * fused, as in TFLite's int8 kernels); the last layer's raw accumulators are the logits.
 */
public sealed interface Int8Op permits Int8Layer, SpatialOp {

    /** Input values read. */
    int inputs();

    /** Output values written. */
    int outputs();

    /** True for the last layer, whose raw accumulators are the logits; false for hidden layers. */
    boolean logits();

    /**
     * Multiply-accumulates one forward pass performs: in-bounds taps times weights (padding is not
     * multiplied); for pooling, its taps (one add or compare each).
     */
    long macs();

    /** Weights held (bytes on a device). */
    int weightCount();

    /** 32-bit biases held. */
    int biasCount();

    /** The golden forward pass: {@code x} (length {@link #inputs()}) into {@code out}. Allocates nothing. */
    void forward(int[] x, int[] out);

    /** Requantises an accumulator as hidden layers with multiplier 1 do. */
    static int activate(int acc, int shift) {
        return activate(acc, 1, shift);
    }

    /** Requantises an accumulator as hidden layers do: {@code min(127, max(0, acc) * multiplier >> shift)}. */
    static int activate(int acc, int multiplier, int shift) {
        return (int) Math.min(127, Math.max(0L, (long) acc * multiplier) >> shift);
    }
}
