package dev.vigil.drivers.accel.northpole;

import dev.vigil.runtime.dense.Int8Conv2d;
import dev.vigil.runtime.dense.Int8DepthwiseConv2d;
import dev.vigil.runtime.dense.Int8Layer;
import dev.vigil.runtime.dense.Int8Model;
import dev.vigil.runtime.dense.Int8Op;
import dev.vigil.runtime.dense.Int8Pool2d;
import dev.vigil.runtime.dense.Kernel;
import dev.vigil.runtime.dense.Pooling;
import dev.vigil.runtime.dense.SpatialOp;
import dev.vigil.runtime.network.FeatureShape;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Random int8 ops of every kind, with requantisation scaled so that outputs spread over 0..127. */
final class RandomOps {

    /** The layer kinds the property test covers. */
    enum Kind {
        DENSE_RELU, DENSE_LOGITS, CONV2D, CONV1D, DEPTHWISE2D, DEPTHWISE1D, MAX_POOL2D, AVERAGE_POOL2D, MAX_POOL1D,
        AVERAGE_POOL1D, GLOBAL_AVERAGE_POOL
    }

    private final SplittableRandom r;

    RandomOps(SplittableRandom r) {
        this.r = r;
    }

    /** A random op of {@code kind} over a random input. */
    Int8Op of(Kind kind) {
        FeatureShape plane = new FeatureShape(1 + r.nextInt(4), 1 + r.nextInt(12), 1 + r.nextInt(16));
        FeatureShape line = new FeatureShape(1 + r.nextInt(6), 1, 2 + r.nextInt(60));
        return switch (kind) {
            case DENSE_RELU -> dense(1 + r.nextInt(80), 1 + r.nextInt(20), true);
            case DENSE_LOGITS -> dense(1 + r.nextInt(80), 1 + r.nextInt(6), false);
            case CONV2D -> conv(plane, true);
            case CONV1D -> conv(line, true);
            case DEPTHWISE2D -> depthwise(plane);
            case DEPTHWISE1D -> depthwise(line);
            case MAX_POOL2D -> pool(Pooling.MAX, plane);
            case AVERAGE_POOL2D -> pool(Pooling.AVERAGE, plane);
            case MAX_POOL1D -> pool(Pooling.MAX, line);
            case AVERAGE_POOL1D -> pool(Pooling.AVERAGE, line);
            case GLOBAL_AVERAGE_POOL -> Int8Pool2d.globalAverage(plane);
        };
    }

    /** A random model: one to four feature-map ops of random kinds, then one or two fully connected layers. */
    Int8Model model(String name) {
        List<Int8Op> layers = new ArrayList<>();
        FeatureShape shape = new FeatureShape(1 + r.nextInt(3), 1 + r.nextInt(16), 2 + r.nextInt(20));
        int spatial = 1 + r.nextInt(4);
        for (int i = 0; i < spatial; i++) {
            SpatialOp op = switch (r.nextInt(4)) {
                case 0 -> conv(shape, true);
                case 1 -> depthwise(shape);
                case 2 -> pool(r.nextBoolean() ? Pooling.MAX : Pooling.AVERAGE, shape);
                default -> conv(shape, true);
            };
            layers.add(op);
            shape = op.output();
        }
        int width = shape.size();
        if (r.nextBoolean()) {
            Int8Layer hidden = dense(width, 1 + r.nextInt(24), true);
            layers.add(hidden);
            width = hidden.outputs();
        }
        int classes = 2 + r.nextInt(4);
        layers.add(dense(width, classes, false));
        List<String> labels = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            labels.add("c" + c);
        }
        return new Int8Model(name, 0, 1, layers, labels, 0.01);
    }

    /** Random int8 inputs, a quarter of them zero. */
    int[] input(int n) {
        int[] x = new int[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextInt(4) == 0 ? 0 : r.nextInt(-128, 128);
        }
        return x;
    }

    private Int8Layer dense(int in, int out, boolean relu) {
        int m = 1 + r.nextInt(1000);
        return new Int8Layer(in, out, weights(in * out), bias(out), m, shiftFor(in, m), relu);
    }

    private Int8Conv2d conv(FeatureShape in, boolean relu) {
        Kernel k = kernel(in);
        int out = 1 + r.nextInt(5);
        int taps = in.channels() * k.height() * k.width();
        int m = 1 + r.nextInt(1000);
        return new Int8Conv2d(in, out, k, weights(out * taps), bias(out), m, shiftFor(taps, m), relu);
    }

    private Int8DepthwiseConv2d depthwise(FeatureShape in) {
        Kernel k = kernel(in);
        int taps = k.height() * k.width();
        int m = 1 + r.nextInt(1000);
        return new Int8DepthwiseConv2d(in, k, weights(in.channels() * taps), bias(in.channels()), m, shiftFor(taps, m), true);
    }

    private Int8Pool2d pool(Pooling pooling, FeatureShape in) {
        int kh = 1 + r.nextInt(Math.min(in.height(), 4));
        int kw = 1 + r.nextInt(Math.min(in.width(), 4));
        return new Int8Pool2d(pooling, in, new Kernel(kh, kw, 1 + r.nextInt(kh), 1 + r.nextInt(kw), 0, 0));
    }

    /** A window that fits {@code in}, strided and padded at random. */
    private Kernel kernel(FeatureShape in) {
        while (true) {
            int kh = in.height() == 1 ? 1 : 1 + r.nextInt(Math.min(in.height() + 1, 5));
            int kw = 1 + r.nextInt(Math.min(in.width() + 1, 7));
            Kernel k = new Kernel(kh, kw, 1 + r.nextInt(2), 1 + r.nextInt(3), r.nextInt(kh), r.nextInt(kw));
            if (k.outHeight(in.height()) > 0 && k.outWidth(in.width()) > 0) {
                return k;
            }
        }
    }

    /** A shift that brings a typical accumulator of {@code taps} int8 products times {@code m} to about 64. */
    private static int shiftFor(int taps, int m) {
        double typical = 74.0 * 74.0 * Math.sqrt(taps) * m;
        return (int) Math.max(0, Math.round(Math.log(typical / 64) / Math.log(2)));
    }

    private byte[] weights(int n) {
        byte[] w = new byte[n];
        for (int i = 0; i < n; i++) {
            w[i] = (byte) r.nextInt(-128, 128);
        }
        return w;
    }

    private int[] bias(int n) {
        int[] b = new int[n];
        for (int i = 0; i < n; i++) {
            b[i] = r.nextInt(-20_000, 20_000);
        }
        return b;
    }
}
