package dev.vigil.drivers.accel.northpole;

import dev.vigil.drivers.accel.northpole.LoweredLayer.Output;
import dev.vigil.drivers.accel.northpole.LoweredLayer.Reduction;
import dev.vigil.runtime.dense.Int8Conv2d;
import dev.vigil.runtime.dense.Int8DepthwiseConv2d;
import dev.vigil.runtime.dense.Int8Layer;
import dev.vigil.runtime.dense.Int8Op;
import dev.vigil.runtime.dense.Int8Pool2d;
import dev.vigil.runtime.dense.Kernel;
import dev.vigil.runtime.dense.Pooling;
import dev.vigil.runtime.network.FeatureShape;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Lowers int8 ops to the device's one primitive, a gathered reduction per output: a fully connected
 * layer gathers every input; a convolution gathers, per output position, the in-bounds taps of its
 * window (padding is never fetched) and multiplies them with its kernel's matching weights; a
 * depthwise convolution does the same within one channel; max pooling takes the largest gathered
 * activation and average pooling sums them with unit weights and requantises by the mean's multiplier.
 */
final class DenseLowering {

    private DenseLowering() {
    }

    /** Lowers {@code op} to rows of (gather indices, weights). */
    static LoweredLayer lower(Int8Op op) {
        return switch (op) {
            case Int8Layer d -> dense(d);
            case Int8Conv2d c -> convolution(c);
            case Int8DepthwiseConv2d d -> depthwise(d);
            case Int8Pool2d p -> pooling(p);
        };
    }

    private static Output hidden(boolean relu) {
        return relu ? Output.RELU : Output.RAW;
    }

    private static LoweredLayer dense(Int8Layer d) {
        int[] gather = new int[d.inputs()];
        Arrays.setAll(gather, i -> i);
        int[][] rowGather = new int[d.outputs()][];
        byte[][] rowWeights = new byte[d.outputs()][];
        int[] bias = new int[d.outputs()];
        for (int o = 0; o < d.outputs(); o++) {
            rowGather[o] = gather;
            rowWeights[o] = new byte[d.inputs()];
            for (int i = 0; i < d.inputs(); i++) {
                rowWeights[o][i] = (byte) d.weight(o, i);
            }
            bias[o] = d.biasOf(o);
        }
        return new LoweredLayer(Reduction.MAC, hidden(d.relu()), rowGather, rowWeights, bias, d.multiplier(), d.shift(),
                d.weightCount());
    }

    private static LoweredLayer convolution(Int8Conv2d c) {
        FeatureShape in = c.input();
        FeatureShape out = c.output();
        int positions = out.height() * out.width();
        int kernelTaps = in.channels() * c.kh() * c.kw();
        byte[] all = c.weights();
        Window[] windows = new Window[positions];
        for (int p = 0; p < positions; p++) {
            windows[p] = Window.over(in, c.kernel(), 0, in.channels(), p / out.width(), p % out.width());
        }
        Map<Long, byte[][]> kernelsByClip = new HashMap<>();
        int[][] rowGather = new int[out.size()][];
        byte[][] rowWeights = new byte[out.size()][];
        int[] bias = new int[out.size()];
        for (int p = 0; p < positions; p++) {
            Window w = windows[p];
            byte[][] kernels = kernelsByClip.computeIfAbsent(w.clip(), k -> {
                byte[][] rows = new byte[out.channels()][];
                for (int o = 0; o < rows.length; o++) {
                    rows[o] = w.weights(all, o * kernelTaps);
                }
                return rows;
            });
            for (int o = 0; o < out.channels(); o++) {
                rowGather[o * positions + p] = w.gather();
                rowWeights[o * positions + p] = kernels[o];
                bias[o * positions + p] = c.biasOf(o);
            }
        }
        return new LoweredLayer(Reduction.MAC, hidden(c.relu()), rowGather, rowWeights, bias, c.multiplier(), c.shift(),
                c.weightCount());
    }

    private static LoweredLayer depthwise(Int8DepthwiseConv2d d) {
        FeatureShape in = d.input();
        FeatureShape out = d.output();
        int positions = out.height() * out.width();
        int kernelTaps = d.kernel().height() * d.kernel().width();
        byte[] all = d.weights();
        int[][] rowGather = new int[out.size()][];
        byte[][] rowWeights = new byte[out.size()][];
        int[] bias = new int[out.size()];
        for (int c = 0; c < in.channels(); c++) {
            Map<Long, byte[]> kernelByClip = new HashMap<>();
            for (int p = 0; p < positions; p++) {
                Window w = Window.over(in, d.kernel(), c, c + 1, p / out.width(), p % out.width());
                int channel = c;
                rowGather[c * positions + p] = w.gather();
                rowWeights[c * positions + p] = kernelByClip.computeIfAbsent(w.clip(), k -> w.weights(all, channel * kernelTaps));
                bias[c * positions + p] = d.biasOf(c);
            }
        }
        return new LoweredLayer(Reduction.MAC, hidden(d.relu()), rowGather, rowWeights, bias, d.multiplier(), d.shift(),
                d.weightCount());
    }

    private static LoweredLayer pooling(Int8Pool2d pool) {
        FeatureShape in = pool.input();
        FeatureShape out = pool.output();
        Kernel k = pool.kernel();
        int positions = out.height() * out.width();
        int[][] rowGather = new int[out.size()][];
        for (int c = 0; c < in.channels(); c++) {
            for (int p = 0; p < positions; p++) {
                rowGather[c * positions + p] = Window.over(in, k, c, c + 1, p / out.width(), p % out.width()).gather();
            }
        }
        if (pool.pooling() == Pooling.MAX) {
            return new LoweredLayer(Reduction.MAX, Output.RAW, rowGather, null, null, 1, 0, 0);
        }
        byte[] ones = new byte[k.height() * k.width()];
        Arrays.fill(ones, (byte) 1);
        byte[][] rowWeights = new byte[out.size()][];
        Arrays.fill(rowWeights, ones);
        return new LoweredLayer(Reduction.MAC, Output.SIGNED, rowGather, rowWeights, new int[out.size()],
                pool.meanMultiplier(), Int8Pool2d.MEAN_SHIFT, 0);
    }

    /**
     * The in-bounds taps of one window over channels {@code [c0, c1)}, in weight order (channel, row,
     * column): their input indices, their tap numbers within one kernel, and the window's clip (which
     * rows and columns of the kernel are in bounds), shared by all windows clipped alike.
     */
    private record Window(int[] gather, int[] taps, long clip) {

        static Window over(FeatureShape in, Kernel k, int c0, int c1, int oy, int ox) {
            int top = k.top(oy);
            int left = k.left(ox);
            int y0 = Math.max(0, -top);
            int y1 = Math.min(k.height(), in.height() - top);
            int x0 = Math.max(0, -left);
            int x1 = Math.min(k.width(), in.width() - left);
            int n = (c1 - c0) * (y1 - y0) * (x1 - x0);
            int[] gather = new int[n];
            int[] taps = new int[n];
            int j = 0;
            for (int c = c0; c < c1; c++) {
                for (int dy = y0; dy < y1; dy++) {
                    for (int dx = x0; dx < x1; dx++) {
                        gather[j] = in.index(c, top + dy, left + dx);
                        taps[j++] = ((c - c0) * k.height() + dy) * k.width() + dx;
                    }
                }
            }
            return new Window(gather, taps, ((long) y0 << 48) | ((long) y1 << 32) | ((long) x0 << 16) | x1);
        }

        /** The weights of this window's taps, from a kernel starting at {@code base} in {@code all}. */
        byte[] weights(byte[] all, int base) {
            byte[] w = new byte[taps.length];
            for (int j = 0; j < w.length; j++) {
                w[j] = all[base + taps[j]];
            }
            return w;
        }
    }
}
