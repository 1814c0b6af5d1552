package dev.vigil.runtime.dense;

import dev.vigil.runtime.network.FeatureShape;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The int8 ops against hand-computed values and against a naive reference that pads its input explicitly. */
class Int8OpsTest {

    @Test
    void conv1dWithStrideAndPaddingByHand() {
        // x = 1 2 3 4 5, kernel (1, 0, -1), stride 2, one zero on each side: windows start at -1, 1, 3
        Int8Conv2d c = Int8Conv2d.conv1d(1, 5, 1, 3, 2, 1, new byte[] {1, 0, -1}, new int[] {0}, 1, 0, false);
        int[] out = new int[3];
        c.forward(new int[] {1, 2, 3, 4, 5}, out);
        // (pad, 1, 2) -> -2 ; (2, 3, 4) -> 2 - 4 ; (4, 5, pad) -> 4
        assertArrayEquals(new int[] {-2, -2, 4}, out);
        assertEquals(2 + 3 + 2, c.macs(), "padded taps are not multiplied");
    }

    @Test
    void depthwiseConvolutionKeepsChannelsApartAndRequantisesWithMultiplierAndShift() {
        FeatureShape in = new FeatureShape(2, 2, 2);
        byte[] w = {1, 1, 1, 1, 1, -1, 0, 0};
        Int8DepthwiseConv2d plain = new Int8DepthwiseConv2d(in, Kernel.valid(2, 2), w, new int[] {0, 3}, 1, 0, true);
        int[] x = {1, 2, 3, 4, 5, 6, 7, 8};
        int[] out = new int[2];
        plain.forward(x, out);
        assertArrayEquals(new int[] {10, 2}, out); // 1+2+3+4 ; 5-6+3
        Int8DepthwiseConv2d scaled = new Int8DepthwiseConv2d(in, Kernel.valid(2, 2), w, new int[] {0, 3}, 3, 1, true);
        scaled.forward(x, out);
        assertArrayEquals(new int[] {15, 3}, out); // 10*3 >> 1 ; 2*3 >> 1
        assertEquals(8, plain.macs());
        Int8Model m = new Int8Model("m", 0, 1, List.of(plain, new Int8Layer(2, 2, new byte[4], new int[2], 0, false)), List.of("a", "b"), 1);
        assertEquals((8 + 4 * 2) + (4 + 4 * 2), m.footprintBytes(), "int8 weights and int32 biases of both layers");
    }

    @Test
    void maxAndAveragePoolingByHand() {
        FeatureShape in = new FeatureShape(1, 2, 4);
        int[] x = {1, 5, -3, -2, 7, 0, -8, -1};
        int[] out = new int[2];
        Int8Pool2d.of(Pooling.MAX, in, 2).forward(x, out);
        assertArrayEquals(new int[] {7, -1}, out);
        Int8Pool2d avg = Int8Pool2d.of(Pooling.AVERAGE, in, 2);
        avg.forward(x, out);
        assertArrayEquals(new int[] {3, -4}, out, "13/4 and -14/4 rounded down");
        assertEquals(8, avg.macs());
        assertEquals(0, avg.weightCount());
    }

    @Test
    void globalAveragePoolingIsWithinOneOfTheMeanRoundedDown() {
        SplittableRandom r = new SplittableRandom(5);
        for (int trial = 0; trial < 200; trial++) {
            FeatureShape in = new FeatureShape(1 + r.nextInt(4), 1 + r.nextInt(40), 1 + r.nextInt(100));
            Int8Pool2d gap = Int8Pool2d.globalAverage(in);
            int[] x = random(r, in.size());
            int[] out = new int[in.channels()];
            gap.forward(x, out);
            int plane = in.height() * in.width();
            for (int c = 0; c < in.channels(); c++) {
                long sum = 0;
                for (int i = 0; i < plane; i++) {
                    sum += x[c * plane + i];
                }
                long mean = Math.floorDiv(sum, plane);
                assertTrue(Math.abs(out[c] - mean) <= 1, in + " channel " + c + ": " + out[c] + " vs mean " + mean);
            }
        }
    }

    @Test
    void denseLayerRequantisesWithMultiplierShiftAndSaturation() {
        Int8Layer l = new Int8Layer(1, 3, new byte[] {1, 2, -1}, new int[] {0, 0, 0}, 3, 2, true);
        int[] out = new int[3];
        l.forward(new int[] {100}, out);
        // 100*3 >> 2 = 75 ; 200*3 >> 2 = 150 -> 127 ; -100 -> 0
        assertArrayEquals(new int[] {75, 127, 0}, out);
    }

    @Test
    void convolutionsMatchANaiveReferenceOverAnExplicitlyPaddedInput() {
        SplittableRandom r = new SplittableRandom(17);
        for (int trial = 0; trial < 300; trial++) {
            int c = 1 + r.nextInt(3);
            int h = 1 + r.nextInt(7);
            int w = 1 + r.nextInt(9);
            Kernel k = randomKernel(r, h, w);
            if (k == null) {
                continue;
            }
            FeatureShape in = new FeatureShape(c, h, w);
            int m = 1 + r.nextInt(300);
            int s = r.nextInt(12);
            boolean relu = r.nextBoolean();
            int[] x = random(r, in.size());
            if (r.nextBoolean()) {
                int o = 1 + r.nextInt(4);
                Int8Conv2d conv = new Int8Conv2d(in, o, k, bytes(r, o * c * k.height() * k.width()), ints(r, o), m, s, relu);
                long[] macs = new long[1];
                int[] expected = naiveConv(conv, x, macs);
                int[] out = new int[conv.outputs()];
                conv.forward(x, out);
                assertArrayEquals(expected, out, conv.toString());
                assertEquals(macs[0], conv.macs(), conv.toString());
            } else {
                Int8DepthwiseConv2d dw = new Int8DepthwiseConv2d(in, k, bytes(r, c * k.height() * k.width()), ints(r, c), m, s, relu);
                long[] macs = new long[1];
                int[] expected = naiveDepthwise(dw, x, macs);
                int[] out = new int[dw.outputs()];
                dw.forward(x, out);
                assertArrayEquals(expected, out, dw.toString());
                assertEquals(macs[0], dw.macs(), dw.toString());
            }
        }
    }

    @Test
    void modelRefusesAFeatureMapOfTheRightSizeButTheWrongShape() {
        Int8Conv2d conv = new Int8Conv2d(new FeatureShape(1, 4, 5), 2, Kernel.valid(2, 2), new byte[8], new int[2], 1, 0, true);
        Int8Pool2d pool = Int8Pool2d.of(Pooling.MAX, new FeatureShape(2, 4, 3), 1);
        Int8Layer out = new Int8Layer(24, 2, new byte[48], new int[2], 0, false);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Int8Model("m", 0, 1, List.of(conv, pool, out), List.of("a", "b"), 1));
        assertTrue(e.getMessage().contains("reads a 2x4x3 feature map, previous gives 2x3x4"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Kernel(3, 3, 1, 1, 3, 0));
        assertThrows(IllegalArgumentException.class, () -> new Int8Pool2d(Pooling.MAX, new FeatureShape(1, 4, 4), Kernel.of(2, 2, 2, 1)));
        assertThrows(IllegalArgumentException.class, () -> new Int8Layer(1, 1, new byte[1], new int[1], 0, 0, true));
    }

    @Test
    void steadyStateInferenceOnTheCpuAllocatesNothing() {
        SplittableRandom r = new SplittableRandom(3);
        FeatureShape in = new FeatureShape(1, 40, 49);
        Int8Conv2d c1 = new Int8Conv2d(in, 8, new Kernel(10, 4, 2, 2, 4, 1), bytes(r, 8 * 40), ints(r, 8), 5, 10, true);
        Int8DepthwiseConv2d dw = new Int8DepthwiseConv2d(c1.output(), Kernel.of(3, 3, 1, 1), bytes(r, 72), ints(r, 8), 1, 7, true);
        Int8Conv2d pw = new Int8Conv2d(dw.output(), 8, Kernel.valid(1, 1), bytes(r, 64), ints(r, 8), 1, 7, true);
        Int8Pool2d gap = Int8Pool2d.globalAverage(pw.output());
        Int8Layer fc = new Int8Layer(8, 3, bytes(r, 24), ints(r, 3), 0, false);
        Int8Model m = new Int8Model("ds", 0, 1, List.of(c1, dw, pw, gap, fc), List.of("a", "b", "c"), 0.01);
        DenseExecutor e = new CpuDenseDevice().load(m);
        int[] x = random(r, in.size());
        int[] logits = new int[3];
        for (int i = 0; i < 200; i++) {
            e.run(x, logits);
        }
        long before = AllocatedBytes.now();
        for (int i = 0; i < 100; i++) {
            e.run(x, logits);
        }
        long bytes = AllocatedBytes.now() - before;
        assertTrue(bytes < 100, bytes + " bytes allocated over 100 inferences");
    }

    private static Kernel randomKernel(SplittableRandom r, int h, int w) {
        int kh = 1 + r.nextInt(Math.min(h + 2, 5));
        int kw = 1 + r.nextInt(Math.min(w + 2, 5));
        Kernel k = new Kernel(kh, kw, 1 + r.nextInt(3), 1 + r.nextInt(3), r.nextInt(kh), r.nextInt(kw));
        return k.outHeight(h) > 0 && k.outWidth(w) > 0 ? k : null;
    }

    /** Output of {@code conv} computed over a zero-padded copy of {@code x}, in 64-bit arithmetic. */
    private static int[] naiveConv(Int8Conv2d conv, int[] x, long[] macs) {
        FeatureShape in = conv.input();
        Kernel k = conv.kernel();
        int ph = in.height() + 2 * k.padY();
        int pw = in.width() + 2 * k.padX();
        long[] padded = new long[in.channels() * ph * pw];
        boolean[] real = new boolean[padded.length];
        for (int c = 0; c < in.channels(); c++) {
            for (int y = 0; y < in.height(); y++) {
                for (int xx = 0; xx < in.width(); xx++) {
                    int at = (c * ph + y + k.padY()) * pw + xx + k.padX();
                    padded[at] = x[in.index(c, y, xx)];
                    real[at] = true;
                }
            }
        }
        FeatureShape out = conv.output();
        int[] result = new int[out.size()];
        for (int o = 0; o < out.channels(); o++) {
            for (int oy = 0; oy < out.height(); oy++) {
                for (int ox = 0; ox < out.width(); ox++) {
                    long acc = conv.biasOf(o);
                    for (int c = 0; c < in.channels(); c++) {
                        for (int dy = 0; dy < k.height(); dy++) {
                            for (int dx = 0; dx < k.width(); dx++) {
                                int at = (c * ph + oy * k.strideY() + dy) * pw + ox * k.strideX() + dx;
                                acc += conv.weight(o, c, dy, dx) * padded[at];
                                macs[0] += real[at] ? 1 : 0;
                            }
                        }
                    }
                    result[out.index(o, oy, ox)] = requantise(acc, conv.multiplier(), conv.shift(), conv.relu());
                }
            }
        }
        return result;
    }

    private static int[] naiveDepthwise(Int8DepthwiseConv2d dw, int[] x, long[] macs) {
        FeatureShape in = dw.input();
        FeatureShape out = dw.output();
        Kernel k = dw.kernel();
        int[] result = new int[out.size()];
        for (int c = 0; c < in.channels(); c++) {
            for (int oy = 0; oy < out.height(); oy++) {
                for (int ox = 0; ox < out.width(); ox++) {
                    long acc = dw.biasOf(c);
                    for (int dy = 0; dy < k.height(); dy++) {
                        for (int dx = 0; dx < k.width(); dx++) {
                            int y = oy * k.strideY() + dy - k.padY();
                            int xx = ox * k.strideX() + dx - k.padX();
                            if (y >= 0 && y < in.height() && xx >= 0 && xx < in.width()) {
                                acc += (long) dw.weight(c, dy, dx) * x[in.index(c, y, xx)];
                                macs[0]++;
                            }
                        }
                    }
                    result[out.index(c, oy, ox)] = requantise(acc, dw.multiplier(), dw.shift(), dw.relu());
                }
            }
        }
        return result;
    }

    private static int requantise(long acc, int multiplier, int shift, boolean relu) {
        return relu ? (int) Math.min(127, Math.floorDiv(Math.max(0, acc) * multiplier, 1L << shift)) : (int) acc;
    }

    static int[] random(SplittableRandom r, int n) {
        int[] x = new int[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextInt(-128, 128);
        }
        return x;
    }

    static byte[] bytes(SplittableRandom r, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) r.nextInt(-128, 128);
        }
        return b;
    }

    static int[] ints(SplittableRandom r, int n) {
        int[] b = new int[n];
        for (int i = 0; i < n; i++) {
            b[i] = r.nextInt(-3000, 3000);
        }
        return b;
    }
}
