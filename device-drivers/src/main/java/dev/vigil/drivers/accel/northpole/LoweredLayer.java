package dev.vigil.drivers.accel.northpole;

/**
 * One layer as the device runs it: for every output, which activations to gather, how to reduce them
 * (multiply-accumulate with its int8 weights, or take the largest) and how to write the result.
 * Outputs of a convolution share their position's gather row and their kernel's weight row.
 *
 * @param reduction   multiply-accumulate or maximum
 * @param output      how the reduced value is written
 * @param gather      per output, indices into the input activations
 * @param weights     per output, one weight per gathered index (null for a maximum)
 * @param bias        per output bias (null for a maximum)
 * @param multiplier  requantisation multiplier of {@link Output#RELU} and {@link Output#SIGNED}
 * @param shift       requantisation shift
 * @param weightBytes distinct weight bytes held on chip
 */
record LoweredLayer(Reduction reduction, Output output, int[][] gather, byte[][] weights, int[] bias, long multiplier,
                    int shift, long weightBytes) {

    /** How a row reduces its gathered activations. */
    enum Reduction {
        /** {@code bias + sum(weight * activation)} in 32-bit integers. */
        MAC,
        /** The largest activation. */
        MAX
    }

    /** How a row's reduced value is written. */
    enum Output {
        /** {@code min(127, max(0, v) * multiplier >> shift)}: hidden layers. */
        RELU,
        /** {@code v * multiplier >> shift} saturated to -128..127: averages. */
        SIGNED,
        /** As it is: logits, and maxima of int8 values. */
        RAW
    }

    /** Multiply-accumulates (or compares) one pass performs: the gathered indices of every row. */
    long taps() {
        long n = 0;
        for (int[] g : gather) {
            n += g.length;
        }
        return n;
    }
}
