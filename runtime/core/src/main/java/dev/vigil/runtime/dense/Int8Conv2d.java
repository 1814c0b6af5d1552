package dev.vigil.runtime.dense;

import java.util.Arrays;

/**
 * A valid (unpadded), stride-1 int8 convolution over a {@code inChannels × height × width} input laid
 * out channel-major ({@code x[(c*height + y)*width + x]}), giving {@code outChannels × (height-kh+1) ×
 * (width-kw+1)} outputs in the same layout. Weights are {@code w[((o*inChannels + c)*kh + dy)*kw + dx]}.
 * A 1-D convolution over time is the case {@code kw = width}: each kernel spans every feature of
 * {@code kh} consecutive windows.
 */
public record Int8Conv2d(int inChannels, int height, int width, int outChannels, int kh, int kw, byte[] weights,
                         int[] bias, int shift, boolean relu) implements Int8Op {

    public Int8Conv2d {
        if (inChannels <= 0 || height <= 0 || width <= 0 || outChannels <= 0 || kh <= 0 || kw <= 0
                || kh > height || kw > width) {
            throw new IllegalArgumentException("convolution " + inChannels + "x" + height + "x" + width + " with "
                    + outChannels + " kernels of " + kh + "x" + kw + " does not fit");
        }
        if (weights.length != outChannels * inChannels * kh * kw || bias.length != outChannels) {
            throw new IllegalArgumentException("need " + outChannels * inChannels * kh * kw + " weights and "
                    + outChannels + " biases, got " + weights.length + " and " + bias.length);
        }
        if (shift < 0 || shift > 31) {
            throw new IllegalArgumentException("shift must be 0..31, got " + shift);
        }
        weights = weights.clone();
        bias = bias.clone();
    }

    /** Output rows. */
    public int outHeight() {
        return height - kh + 1;
    }

    /** Output columns. */
    public int outWidth() {
        return width - kw + 1;
    }

    /** Weight of kernel {@code o}, input channel {@code c}, offset ({@code dy}, {@code dx}). */
    public int weight(int o, int c, int dy, int dx) {
        return weights[((o * inChannels + c) * kh + dy) * kw + dx];
    }

    /** Bias of kernel {@code o}. */
    public int biasOf(int o) {
        return bias[o];
    }

    @Override
    public int inputs() {
        return inChannels * height * width;
    }

    @Override
    public int outputs() {
        return outChannels * outHeight() * outWidth();
    }

    @Override
    public long macs() {
        return (long) outputs() * inChannels * kh * kw;
    }

    @Override
    public int weightCount() {
        return weights.length;
    }

    @Override
    public void forward(int[] x, int[] out) {
        int oh = outHeight();
        int ow = outWidth();
        for (int o = 0; o < outChannels; o++) {
            for (int y = 0; y < oh; y++) {
                for (int xx = 0; xx < ow; xx++) {
                    int acc = bias[o];
                    for (int c = 0; c < inChannels; c++) {
                        for (int dy = 0; dy < kh; dy++) {
                            for (int dx = 0; dx < kw; dx++) {
                                acc += weights[((o * inChannels + c) * kh + dy) * kw + dx]
                                        * x[(c * height + y + dy) * width + xx + dx];
                            }
                        }
                    }
                    out[(o * oh + y) * ow + xx] = relu ? Int8Op.activate(acc, shift) : acc;
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
        return o instanceof Int8Conv2d c && c.inChannels == inChannels && c.height == height && c.width == width
                && c.outChannels == outChannels && c.kh == kh && c.kw == kw && c.shift == shift && c.relu == relu
                && Arrays.equals(c.weights, weights) && Arrays.equals(c.bias, bias);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(weights) * 31 + Arrays.hashCode(bias);
    }

    @Override
    public String toString() {
        return "Int8Conv2d[" + inChannels + "x" + height + "x" + width + " * " + outChannels + "@" + kh + "x" + kw
                + (relu ? ", relu >> " + shift : ", logits") + "]";
    }
}
