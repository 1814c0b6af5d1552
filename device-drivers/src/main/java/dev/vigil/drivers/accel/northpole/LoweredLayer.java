package dev.vigil.drivers.accel.northpole;

/**
 * One layer as the device runs it: for every output row, which activations to gather and the int8
 * weights to multiply them with (convolution rows share their kernel's weight array).
 *
 * @param gather      per output, indices into the input activations
 * @param weights     per output, one weight per gathered index
 * @param bias        per output bias
 * @param shift       requantisation shift of hidden layers
 * @param relu        hidden layer (ReLU, shift, saturate) or logits
 * @param weightBytes distinct weight bytes held on chip
 */
record LoweredLayer(int[][] gather, byte[][] weights, int[] bias, int shift, boolean relu, long weightBytes) {

    LoweredLayer(int[][] gather, byte[][] weights, int[] bias, int shift, boolean relu) {
        this(gather, weights, bias, shift, relu, count(weights));
    }

    private static long count(byte[][] w) {
        long n = 0;
        for (byte[] row : w) {
            n += row.length;
        }
        return n;
    }
}
