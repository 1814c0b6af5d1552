package dev.vigil.runtime.dense;

import dev.vigil.runtime.network.FeatureShape;

import java.util.Locale;

/**
 * Max or average pooling of each channel of a {@code C × H × W} int8 feature map over unpadded
 * windows, giving {@code C × oh × ow}. The average is computed in the requantisation scheme of the
 * weighted layers: {@code (sum * meanMultiplier()) >> MEAN_SHIFT}, with {@code meanMultiplier() =
 * round(2^24 / taps)}, saturated to -128..127: for windows of fewer than 2^18 taps, within one
 * of the mean rounded down. Global average pooling is {@link #globalAverage}: one window over
 * the whole map, one value per channel.
 */
public record Int8Pool2d(Pooling pooling, FeatureShape input, Kernel kernel) implements SpatialOp {
    /** Shift of the average's fixed-point multiplier. */
    public static final int MEAN_SHIFT = 24;

    public Int8Pool2d {
        if (kernel.padY() != 0 || kernel.padX() != 0) {
            throw new IllegalArgumentException("pooling windows are unpadded, got " + kernel);
        }
        if (kernel.outHeight(input.height()) <= 0 || kernel.outWidth(input.width()) <= 0) {
            throw new IllegalArgumentException(pooling + " pooling " + input + " over " + kernel + " does not fit");
        }
    }

    /** Pooling over {@code size × size} windows moved by {@code size} (no overlap). */
    public static Int8Pool2d of(Pooling pooling, FeatureShape input, int size) {
        return new Int8Pool2d(pooling, input, Kernel.of(size, size, size, 0));
    }

    /** Pooling of a {@code channels × length} sequence over {@code k}-tap windows moved by {@code stride}. */
    public static Int8Pool2d pool1d(Pooling pooling, int channels, int length, int k, int stride) {
        return new Int8Pool2d(pooling, new FeatureShape(channels, 1, length), new Kernel(1, k, 1, stride, 0, 0));
    }

    /** The mean of each channel of {@code input}: one value per channel. */
    public static Int8Pool2d globalAverage(FeatureShape input) {
        return new Int8Pool2d(Pooling.AVERAGE, input, Kernel.valid(input.height(), input.width()));
    }

    @Override
    public FeatureShape output() {
        return new FeatureShape(input.channels(), kernel.outHeight(input.height()), kernel.outWidth(input.width()));
    }

    /** {@code round(2^MEAN_SHIFT / taps)}: the average's multiplier. */
    public long meanMultiplier() {
        long taps = (long) kernel.height() * kernel.width();
        return ((1L << MEAN_SHIFT) + taps / 2) / taps;
    }

    @Override
    public boolean logits() {
        return false;
    }

    @Override
    public long macs() {
        return (long) outputs() * kernel.height() * kernel.width();
    }

    @Override
    public int weightCount() {
        return 0;
    }

    @Override
    public int biasCount() {
        return 0;
    }

    @Override
    public void forward(int[] x, int[] out) {
        int h = input.height();
        int w = input.width();
        int kh = kernel.height();
        int kw = kernel.width();
        int oh = kernel.outHeight(h);
        int ow = kernel.outWidth(w);
        long mean = meanMultiplier();
        int i = 0;
        for (int c = 0; c < input.channels(); c++) {
            for (int oy = 0; oy < oh; oy++) {
                int top = kernel.top(oy);
                for (int ox = 0; ox < ow; ox++) {
                    int left = kernel.left(ox);
                    int acc = pooling == Pooling.MAX ? Integer.MIN_VALUE : 0;
                    for (int dy = 0; dy < kh; dy++) {
                        int xr = (c * h + top + dy) * w + left;
                        for (int dx = 0; dx < kw; dx++) {
                            acc = pooling == Pooling.MAX ? Math.max(acc, x[xr + dx]) : acc + x[xr + dx];
                        }
                    }
                    out[i++] = pooling == Pooling.MAX ? acc : (int) Math.max(-128, Math.min(127, acc * mean >> MEAN_SHIFT));
                }
            }
        }
    }

    @Override
    public String toString() {
        return "Int8Pool2d[" + pooling.name().toLowerCase(Locale.ROOT) + " " + input + " @" + kernel + "]";
    }
}
