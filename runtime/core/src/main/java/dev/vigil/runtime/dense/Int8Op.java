package dev.vigil.runtime.dense;

/**
 * One layer of an int8 dense-stage model. Activations between layers are int8 values held in ints;
 * accumulation is in 32-bit integers; hidden layers apply ReLU, an arithmetic right shift and
 * saturation to 0..127; the last layer's raw accumulators are the logits.
 */
public sealed interface Int8Op permits Int8Layer, Int8Conv2d {

    /** Input values read. */
    int inputs();

    /** Output values written. */
    int outputs();

    /** True for hidden layers (ReLU, shift, saturate); false for the logits layer. */
    boolean relu();

    /** Multiply-accumulates one forward pass performs. */
    long macs();

    /** Weights held (bytes on a device). */
    int weightCount();

    /** The golden forward pass: {@code x} (length {@link #inputs()}) into {@code out}. */
    void forward(int[] x, int[] out);

    /** Requantises an accumulator as hidden layers do. */
    static int activate(int acc, int shift) {
        return Math.min(127, Math.max(0, acc) >> shift);
    }
}
