package dev.vigil.runtime.dense;

import dev.vigil.runtime.network.FeatureShape;

import java.util.Arrays;

/**
 * An int8 depthwise convolution: each of the {@code C} channels of a {@code C × H × W} feature map is
 * convolved with its own {@code kh × kw} kernel (depth multiplier 1), giving {@code C × oh × ow}. With
 * a 1×1 {@link Int8Conv2d} after it, this is the depthwise-separable block of DS-CNN and MobileNet.
 * Weights are {@code w[(c*kh + dy)*kw + dx]}; {@link #depthwise1d} is the case {@code H = 1}.
 */
public record Int8DepthwiseConv2d(FeatureShape input, Kernel kernel, byte[] weights, int[] bias, int multiplier, int shift,
                                  boolean relu) implements SpatialOp {

    public Int8DepthwiseConv2d {
        if (kernel.outHeight(input.height()) <= 0 || kernel.outWidth(input.width()) <= 0) {
            throw new IllegalArgumentException("depthwise convolution " + input + " with kernels of " + kernel
                    + " does not fit");
        }
        int taps = input.channels() * kernel.height() * kernel.width();
        if (weights.length != taps || bias.length != input.channels()) {
            throw new IllegalArgumentException("need " + taps + " weights and " + input.channels() + " biases, got "
                    + weights.length + " and " + bias.length);
        }
        Requantisation.check(multiplier, shift);
        weights = weights.clone();
        bias = bias.clone();
    }

    /** A 1-D depthwise convolution of a {@code channels × length} sequence with {@code k}-tap kernels. */
    public static Int8DepthwiseConv2d depthwise1d(int channels, int length, int k, int stride, int pad, byte[] weights,
                                                  int[] bias, int multiplier, int shift, boolean relu) {
        return new Int8DepthwiseConv2d(new FeatureShape(channels, 1, length), new Kernel(1, k, 1, stride, 0, pad), weights,
                bias, multiplier, shift, relu);
    }

    @Override
    public FeatureShape output() {
        return new FeatureShape(input.channels(), kernel.outHeight(input.height()), kernel.outWidth(input.width()));
    }

    /** Weight of channel {@code c}'s kernel at offset ({@code dy}, {@code dx}). */
    public int weight(int c, int dy, int dx) {
        return weights[(c * kernel.height() + dy) * kernel.width() + dx];
    }

    /** Bias of channel {@code c}. */
    public int biasOf(int c) {
        return bias[c];
    }

    @Override
    public boolean logits() {
        return !relu;
    }

    @Override
    public long macs() {
        return input.channels() * kernel.taps(input.height(), input.width());
    }

    @Override
    public int weightCount() {
        return weights.length;
    }

    @Override
    public int biasCount() {
        return bias.length;
    }

    /** Accumulates each channel's output plane in place, tap by tap, then requantises it (as {@link Int8Conv2d}). */
    @Override
    public void forward(int[] x, int[] out) {
        int h = input.height();
        int w = input.width();
        int kh = kernel.height();
        int kw = kernel.width();
        int oh = kernel.outHeight(h);
        int ow = kernel.outWidth(w);
        int plane = oh * ow;
        for (int c = 0; c < input.channels(); c++) {
            int base = c * plane;
            Arrays.fill(out, base, base + plane, bias[c]);
            for (int dy = 0; dy < kh; dy++) {
                for (int dx = 0; dx < kw; dx++) {
                    kernel.accumulate(weights[(c * kh + dy) * kw + dx], x, c * h * w, h, w, dy, dx, out, base, oh, ow);
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
        return o instanceof Int8DepthwiseConv2d d && d.input.equals(input) && d.kernel.equals(kernel)
                && d.multiplier == multiplier && d.shift == shift && d.relu == relu
                && Arrays.equals(d.weights, weights) && Arrays.equals(d.bias, bias);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(weights) * 31 + Arrays.hashCode(bias);
    }

    @Override
    public String toString() {
        return "Int8DepthwiseConv2d[" + input + " @" + kernel
                + (relu ? ", relu" + Requantisation.describe(multiplier, shift) : ", logits") + "]";
    }
}
