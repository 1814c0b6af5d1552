package dev.vigil.runtime.dense;

import dev.vigil.runtime.network.FeatureShape;

import java.util.Arrays;

/**
 * An int8 convolution of a {@code C × H × W} feature map with {@code outChannels} kernels of
 * {@code C × kh × kw} taps, moved and padded as {@code kernel} says, giving {@code outChannels × oh × ow}
 * (all channel-major). Weights are {@code w[((o*C + c)*kh + dy)*kw + dx]}. A 1-D convolution over a
 * {@code C × L} sequence is the case {@code H = 1} ({@link #conv1d}); a convolution over time of
 * windows of readout counts is the case {@code kw = W}: each kernel spans every readout of {@code kh}
 * consecutive windows.
 */
public record Int8Conv2d(FeatureShape input, int outChannels, Kernel kernel, byte[] weights, int[] bias, int multiplier,
                         int shift, boolean relu) implements SpatialOp {

    public Int8Conv2d {
        if (outChannels <= 0 || kernel.outHeight(input.height()) <= 0 || kernel.outWidth(input.width()) <= 0) {
            throw new IllegalArgumentException("convolution " + input + " with " + outChannels + " kernels of "
                    + kernel + " does not fit");
        }
        int taps = outChannels * input.channels() * kernel.height() * kernel.width();
        if (weights.length != taps || bias.length != outChannels) {
            throw new IllegalArgumentException("need " + taps + " weights and " + outChannels + " biases, got "
                    + weights.length + " and " + bias.length);
        }
        Requantisation.check(multiplier, shift);
        weights = weights.clone();
        bias = bias.clone();
    }

    /** A valid (unpadded), stride-1 convolution requantised by a shift alone. */
    public Int8Conv2d(int inChannels, int height, int width, int outChannels, int kh, int kw, byte[] weights, int[] bias,
                      int shift, boolean relu) {
        this(new FeatureShape(inChannels, height, width), outChannels, Kernel.valid(kh, kw), weights, bias, 1, shift, relu);
    }

    /** A 1-D convolution of a {@code channels × length} sequence with {@code k}-tap kernels. */
    public static Int8Conv2d conv1d(int channels, int length, int outChannels, int k, int stride, int pad, byte[] weights,
                                    int[] bias, int multiplier, int shift, boolean relu) {
        return new Int8Conv2d(new FeatureShape(channels, 1, length), outChannels, new Kernel(1, k, 1, stride, 0, pad),
                weights, bias, multiplier, shift, relu);
    }

    /** Input channels. */
    public int inChannels() {
        return input.channels();
    }

    /** Input rows. */
    public int height() {
        return input.height();
    }

    /** Input columns. */
    public int width() {
        return input.width();
    }

    /** Kernel rows. */
    public int kh() {
        return kernel.height();
    }

    /** Kernel columns. */
    public int kw() {
        return kernel.width();
    }

    /** Output rows. */
    public int outHeight() {
        return kernel.outHeight(input.height());
    }

    /** Output columns. */
    public int outWidth() {
        return kernel.outWidth(input.width());
    }

    @Override
    public FeatureShape output() {
        return new FeatureShape(outChannels, outHeight(), outWidth());
    }

    /** Weight of kernel {@code o}, input channel {@code c}, offset ({@code dy}, {@code dx}). */
    public int weight(int o, int c, int dy, int dx) {
        return weights[((o * input.channels() + c) * kernel.height() + dy) * kernel.width() + dx];
    }

    /** Bias of kernel {@code o}. */
    public int biasOf(int o) {
        return bias[o];
    }

    @Override
    public boolean logits() {
        return !relu;
    }

    @Override
    public long macs() {
        return (long) outChannels * input.channels() * kernel.taps(input.height(), input.width());
    }

    @Override
    public int weightCount() {
        return weights.length;
    }

    @Override
    public int biasCount() {
        return outChannels;
    }

    /**
     * Accumulates each output plane in place, tap by tap (a row of outputs times one weight at a time,
     * over contiguous inputs), then requantises it: the same sums as the definition, in an order that
     * reads memory in sequence.
     */
    @Override
    public void forward(int[] x, int[] out) {
        int channels = input.channels();
        int h = input.height();
        int w = input.width();
        int kh = kernel.height();
        int kw = kernel.width();
        int oh = outHeight();
        int ow = outWidth();
        int plane = oh * ow;
        for (int o = 0; o < outChannels; o++) {
            int base = o * plane;
            Arrays.fill(out, base, base + plane, bias[o]);
            for (int c = 0; c < channels; c++) {
                for (int dy = 0; dy < kh; dy++) {
                    for (int dx = 0; dx < kw; dx++) {
                        kernel.accumulate(weights[((o * channels + c) * kh + dy) * kw + dx], x, c * h * w, h, w, dy, dx,
                                out, base, oh, ow);
                    }
                }
            }
            if (relu) {
                for (int i = base; i < base + plane; i++) {
                    out[i] = Int8Op.activate(out[i], multiplier, shift);
                }
            }
        }
    }

    @Override
    public byte[] weights() {
        return weights.clone();
    }

    @Override
    public int[] bias() {
        return bias.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Int8Conv2d c && c.input.equals(input) && c.outChannels == outChannels && c.kernel.equals(kernel)
                && c.multiplier == multiplier && c.shift == shift && c.relu == relu
                && Arrays.equals(c.weights, weights) && Arrays.equals(c.bias, bias);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(weights) * 31 + Arrays.hashCode(bias);
    }

    @Override
    public String toString() {
        return "Int8Conv2d[" + input + " * " + outChannels + "@" + kernel
                + (relu ? ", relu" + Requantisation.describe(multiplier, shift) : ", logits") + "]";
    }
}
