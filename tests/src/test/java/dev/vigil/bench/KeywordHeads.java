package dev.vigil.bench;

import dev.vigil.runtime.dense.Int8Conv2d;
import dev.vigil.runtime.dense.Int8DepthwiseConv2d;
import dev.vigil.runtime.dense.Int8Layer;
import dev.vigil.runtime.dense.Int8Model;
import dev.vigil.runtime.dense.Int8Op;
import dev.vigil.runtime.dense.Int8Pool2d;
import dev.vigil.runtime.dense.Kernel;
import dev.vigil.runtime.network.FeatureShape;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A DS-CNN-like int8 keyword head (Zhang et al., "Hello Edge", 2017) on a 1 × 40 × 98 log-mel map
 * (bands × frames), with random weights scaled so that activations spread over 0..127: a 4 × 10
 * convolution with stride 2 (padding 1 × 4) to {@code channels} × 20 × 49, four depthwise-separable
 * blocks (3 × 3 depthwise, padding 1, then 1 × 1 pointwise), global average pooling and a fully
 * connected layer to 4 classes.
 */
public final class KeywordHeads {

    private KeywordHeads() {
    }

    public static Int8Model dsCnn(int channels, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Int8Op> layers = new ArrayList<>();
        Int8Conv2d first = new Int8Conv2d(new FeatureShape(1, 40, 98), channels, new Kernel(4, 10, 2, 2, 1, 4),
                weights(r, channels * 40), bias(r, channels), 1, shift(40), true);
        layers.add(first);
        FeatureShape map = first.output();
        for (int block = 0; block < 4; block++) {
            Int8DepthwiseConv2d dw = new Int8DepthwiseConv2d(map, Kernel.of(3, 3, 1, 1), weights(r, channels * 9),
                    bias(r, channels), 1, shift(9), true);
            Int8Conv2d pw = new Int8Conv2d(dw.output(), channels, Kernel.valid(1, 1), weights(r, channels * channels),
                    bias(r, channels), 1, shift(channels), true);
            layers.add(dw);
            layers.add(pw);
            map = pw.output();
        }
        layers.add(Int8Pool2d.globalAverage(map));
        layers.add(new Int8Layer(channels, 4, weights(r, channels * 4), bias(r, 4), 0, false));
        return new Int8Model("ds-cnn-" + channels, 0, 1, layers, List.of("yes", "no", "speech", "background"), 0.01);
    }

    /** A log-mel map quantised to int8 as Int8Scale.LOG_MEL would: values spread over -128..127. */
    static int[] input(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int[] x = new int[40 * 98];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextInt(-128, 128);
        }
        return x;
    }

    /** A shift bringing a typical accumulator of {@code taps} int8 products to about 64. */
    private static int shift(int taps) {
        return (int) Math.round(Math.log(74.0 * 74.0 * Math.sqrt(taps) / 64) / Math.log(2));
    }

    private static byte[] weights(SplittableRandom r, int n) {
        byte[] w = new byte[n];
        for (int i = 0; i < n; i++) {
            w[i] = (byte) r.nextInt(-128, 128);
        }
        return w;
    }

    private static int[] bias(SplittableRandom r, int n) {
        int[] b = new int[n];
        for (int i = 0; i < n; i++) {
            b[i] = r.nextInt(-2000, 2000);
        }
        return b;
    }
}
