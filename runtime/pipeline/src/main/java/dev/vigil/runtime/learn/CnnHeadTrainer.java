package dev.vigil.runtime.learn;

import dev.vigil.runtime.dense.Int8Conv2d;
import dev.vigil.runtime.dense.Int8DepthwiseConv2d;
import dev.vigil.runtime.dense.Int8Layer;
import dev.vigil.runtime.dense.Int8Model;
import dev.vigil.runtime.dense.Int8Op;
import dev.vigil.runtime.dense.Int8Pool2d;
import dev.vigil.runtime.dense.Kernel;
import dev.vigil.runtime.dense.Pooling;
import dev.vigil.runtime.network.FeatureShape;
import org.tinylog.Logger;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Fits a small CNN head over int8 feature maps, in floating point, then quantises it to an {@link Int8Model}.
 * The architecture follows the map: over a 2-D map (log-mel frames, {@code 1 × bands × frames}) a DS-CNN-like
 * net (a 3×3 convolution of stride 2 to 16 channels, a depthwise 3×3 of stride 2 and a pointwise convolution to
 * 32 channels, all ReLU, 5×5 average pooling, a fully connected layer to the classes); over a 1-D map
 * (vibration spectra, {@code C × 1 × L}) a 1-D CNN (a 5-tap convolution of stride 2 to 8 channels, max pooling
 * by 2, a 3-tap convolution to 16 channels, max pooling by 3, a fully connected layer). Training: Adam
 * (rate {@value #RATE}, minibatches of {@value #BATCH}) on softmax cross-entropy with every class weighing
 * the same however many examples it has, He-uniform initialisation from the seed, Fisher–Yates shuffles and
 * {@link StrictMath} only, so the same examples and seed give the same model bit for bit. The float net reads
 * the int8 features times {@value #INPUT_STEP}; quantisation gives each weighted layer one weight scale
 * ({@code max|w| / 127}), int32 biases on the accumulator's scale, and, for hidden layers, the
 * multiplier and shift that map the accumulator onto its output's int8 scale (the largest activation the
 * training examples give maps to 127); pooling keeps its input's scale; the last layer's accumulators are the
 * logits, with the model's logit scale the product of the scales before it.
 */
public final class CnnHeadTrainer {
    /** Float value of one int8 input step. */
    static final double INPUT_STEP = 1.0 / 64;
    /** Adam step size. */
    static final double RATE = 0.002;
    /** Examples per Adam step. */
    static final int BATCH = 16;

    /** One example: the int8 feature map (channel-major) and its class index. */
    public record Example(int[] features, int label) {
    }

    private CnnHeadTrainer() {
    }

    /**
     * Trains a head named {@code name} on {@code examples} of {@code shape} for {@code epochs} passes.
     *
     * @throws IllegalArgumentException when there are no examples or one does not have the shape's size
     */
    public static Int8Model train(String name, FeatureShape shape, List<Example> examples, List<String> labels, long seed,
                                  int epochs) {
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("no examples to train head '" + name + "' on");
        }
        int n = examples.size();
        double[][] x = new double[n][];
        for (int e = 0; e < n; e++) {
            int[] f = examples.get(e).features();
            if (f.length != shape.size()) {
                throw new IllegalArgumentException("example " + e + " has " + f.length + " values, the map " + shape + " holds " + shape.size());
            }
            x[e] = new double[f.length];
            for (int i = 0; i < f.length; i++) {
                x[e][i] = f[i] * INPUT_STEP;
            }
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        List<FloatLayer> net = architecture(shape, labels.size(), rnd);
        int k = labels.size();
        int[] perClass = new int[k];
        for (Example e : examples) {
            perClass[e.label()]++;
        }
        int present = (int) Arrays.stream(perClass).filter(c -> c > 0).count();
        double[] classWeight = new double[k];
        for (int c = 0; c < k; c++) {
            classWeight[c] = perClass[c] == 0 ? 0 : (double) n / (present * perClass[c]);
        }
        double[][] act = new double[net.size() + 1][];
        double[][] grad = new double[net.size() + 1][];
        for (int l = 0; l < net.size(); l++) {
            act[l + 1] = new double[net.get(l).outputs()];
            grad[l + 1] = new double[net.get(l).outputs()];
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        int step = 0;
        long started = System.nanoTime();
        for (int epoch = 0; epoch < epochs; epoch++) {
            double loss = 0;
            for (int i = n - 1; i > 0; i--) {
                int j = rnd.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            for (int from = 0; from < n; from += BATCH) {
                int to = Math.min(n, from + BATCH);
                for (int b = from; b < to; b++) {
                    int idx = order[b];
                    act[0] = x[idx];
                    forward(net, act);
                    double[] z = act[net.size()];
                    double[] g = grad[net.size()];
                    softmax(z, g);
                    int y = examples.get(idx).label();
                    loss -= classWeight[y] * StrictMath.log(Math.max(1e-300, g[y]));
                    for (int c = 0; c < k; c++) {
                        g[c] = (g[c] - (c == y ? 1 : 0)) * classWeight[y] / (to - from);
                    }
                    for (int l = net.size() - 1; l >= 0; l--) {
                        double[] dx = l == 0 ? null : grad[l];
                        if (dx != null) {
                            Arrays.fill(dx, 0);
                        }
                        net.get(l).backward(act[l], act[l + 1], grad[l + 1], dx);
                    }
                }
                step++;
                for (FloatLayer l : net) {
                    l.adam(step);
                }
            }
            if ((epoch + 1) % 10 == 0 || epoch == epochs - 1) {
                Logger.info("train: head {}: epoch {} of {} over {} examples, mean loss {}, {} s", name, epoch + 1, epochs, n,
                        String.format(Locale.ROOT, "%.4f", loss / n), String.format(Locale.ROOT, "%.1f", (System.nanoTime() - started) / 1e9));
            }
        }
        return quantise(name, net, x, labels);
    }

    /** Share of {@code examples} that {@code model} (run as the golden CPU engine runs it) puts in their class. */
    public static double accuracy(Int8Model model, List<Example> examples) {
        int[] logits = new int[model.labels().size()];
        int right = 0;
        for (Example e : examples) {
            int best = classify(model, e.features(), logits);
            right += best == e.label() ? 1 : 0;
        }
        return examples.isEmpty() ? Double.NaN : (double) right / examples.size();
    }

    /** The class {@code model} gives {@code input}, its logits left in {@code logits}. */
    public static int classify(Int8Model model, int[] input, int[] logits) {
        int[] a = input;
        for (Int8Op op : model.layers()) {
            int[] out = op == model.layers().getLast() ? logits : new int[op.outputs()];
            op.forward(a, out);
            a = out;
        }
        int best = 0;
        for (int c = 1; c < logits.length; c++) {
            if (logits[c] > logits[best]) {
                best = c;
            }
        }
        return best;
    }

    private static List<FloatLayer> architecture(FeatureShape in, int classes, SplittableRandom rnd) {
        List<FloatLayer> net = new ArrayList<>();
        if (in.height() > 1) {
            FloatLayer c1 = new Conv(in, 16, Kernel.of(3, 3, 2, 1), false, true, rnd);
            FloatLayer dw = new Conv(c1.out, c1.out.channels(), Kernel.of(3, 3, 2, 1), true, true, rnd);
            FloatLayer pw = new Conv(dw.out, 32, Kernel.valid(1, 1), false, true, rnd);
            int ph = Math.max(1, pw.out.height() / 2);
            int pwid = Math.max(1, pw.out.width() / 5);
            FloatLayer pool = new Pool(pw.out, new Kernel(ph, pwid, ph, pwid, 0, 0), Pooling.AVERAGE);
            net.addAll(List.of(c1, dw, pw, pool));
        } else {
            FloatLayer c1 = new Conv(in, 8, new Kernel(1, 5, 1, 2, 0, 2), false, true, rnd);
            FloatLayer p1 = new Pool(c1.out, new Kernel(1, 2, 1, 2, 0, 0), Pooling.MAX);
            FloatLayer c2 = new Conv(p1.out, 16, new Kernel(1, 3, 1, 1, 0, 1), false, true, rnd);
            FloatLayer p2 = new Pool(c2.out, new Kernel(1, 3, 1, 3, 0, 0), Pooling.MAX);
            net.addAll(List.of(c1, p1, c2, p2));
        }
        net.add(new Dense(net.getLast().out, classes, rnd));
        return net;
    }

    private static void forward(List<FloatLayer> net, double[][] act) {
        for (int l = 0; l < net.size(); l++) {
            net.get(l).forward(act[l], act[l + 1]);
        }
    }

    private static void softmax(double[] z, double[] p) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (int i = 0; i < z.length; i++) {
            p[i] = StrictMath.exp(z[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < z.length; i++) {
            p[i] /= sum;
        }
    }

    /** The int8 model of {@code net}, hidden layers' output scales set by the largest activation over {@code x}. */
    private static Int8Model quantise(String name, List<FloatLayer> net, double[][] x, List<String> labels) {
        double[] maxOut = new double[net.size()];
        double[][] act = new double[net.size() + 1][];
        for (int l = 0; l < net.size(); l++) {
            act[l + 1] = new double[net.get(l).outputs()];
        }
        for (double[] e : x) {
            act[0] = e;
            forward(net, act);
            for (int l = 0; l < net.size(); l++) {
                for (double v : act[l + 1]) {
                    maxOut[l] = Math.max(maxOut[l], v);
                }
            }
        }
        List<Int8Op> ops = new ArrayList<>();
        double inScale = INPUT_STEP;
        double logitScale = 1;
        for (int l = 0; l < net.size(); l++) {
            FloatLayer f = net.get(l);
            if (f instanceof Pool p) {
                ops.add(new Int8Pool2d(p.pooling, p.in, p.kernel));
                continue;
            }
            double wScale = Math.max(1e-12, maxAbs(f.w)) / 127;
            byte[] w = new byte[f.w.length];
            for (int i = 0; i < w.length; i++) {
                w[i] = (byte) Math.max(-127, Math.min(127, StrictMath.round(f.w[i] / wScale)));
            }
            double accScale = inScale * wScale;
            int[] b = new int[f.b.length];
            for (int i = 0; i < b.length; i++) {
                b[i] = (int) Math.max(Integer.MIN_VALUE / 2, Math.min(Integer.MAX_VALUE / 2, StrictMath.round(f.b[i] / accScale)));
            }
            boolean last = l == net.size() - 1;
            int multiplier = 1;
            int shift = 0;
            if (!last) {
                double outScale = Math.max(1e-12, maxOut[l]) / 127;
                double ratio = accScale / outScale;
                while (shift < 47 && ratio * (1L << (shift + 1)) < 32768) {
                    shift++;
                }
                multiplier = (int) Math.max(1, Math.min(0xFFFF, StrictMath.round(ratio * (1L << shift))));
                inScale = outScale;
            } else {
                logitScale = accScale;
            }
            ops.add(switch (f) {
                case Conv c when c.depthwise -> new Int8DepthwiseConv2d(c.in, c.kernel, w, b, multiplier, shift, !last);
                case Conv c -> new Int8Conv2d(c.in, c.out.channels(), c.kernel, w, b, multiplier, shift, !last);
                default -> new Int8Layer(f.in.size(), f.outputs(), w, b, multiplier, shift, !last);
            });
        }
        return new Int8Model(name, 0, 1, ops, labels, logitScale);
    }

    private static double maxAbs(double[] w) {
        double m = 0;
        for (double v : w) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    /** A layer of the float net: forward, backward (gradients accumulated), and an Adam step. */
    private abstract static class FloatLayer {
        private static final double BETA1 = 0.9;
        private static final double BETA2 = 0.999;
        final FeatureShape in;
        final FeatureShape out;
        final double[] w;
        final double[] b;
        final double[] gw;
        final double[] gb;
        private final double[] mw;
        private final double[] vw;
        private final double[] mb;
        private final double[] vb;

        FloatLayer(FeatureShape in, FeatureShape out, int weights, int biases, int fanIn, SplittableRandom rnd) {
            this.in = in;
            this.out = out;
            w = new double[weights];
            b = new double[biases];
            gw = new double[weights];
            gb = new double[biases];
            mw = new double[weights];
            vw = new double[weights];
            mb = new double[biases];
            vb = new double[biases];
            double limit = StrictMath.sqrt(6.0 / Math.max(1, fanIn));
            for (int i = 0; i < weights; i++) {
                w[i] = (rnd.nextDouble() * 2 - 1) * limit;
            }
        }

        int outputs() {
            return out.size();
        }

        abstract void forward(double[] x, double[] y);

        /** Adds the gradients of {@code dy} to the parameters' and to {@code dx} (null: not needed). */
        abstract void backward(double[] x, double[] y, double[] dy, double[] dx);

        void adam(int t) {
            double c1 = 1 - StrictMath.pow(BETA1, t);
            double c2 = 1 - StrictMath.pow(BETA2, t);
            update(w, gw, mw, vw, c1, c2);
            update(b, gb, mb, vb, c1, c2);
        }

        private static void update(double[] p, double[] g, double[] m, double[] v, double c1, double c2) {
            for (int i = 0; i < p.length; i++) {
                m[i] = BETA1 * m[i] + (1 - BETA1) * g[i];
                v[i] = BETA2 * v[i] + (1 - BETA2) * g[i] * g[i];
                p[i] -= RATE * (m[i] / c1) / (StrictMath.sqrt(v[i] / c2) + 1e-8);
                g[i] = 0;
            }
        }
    }

    /** A convolution (or a depthwise one, one kernel per channel) with ReLU, or without for logits. */
    private static final class Conv extends FloatLayer {
        final Kernel kernel;
        final boolean depthwise;
        private final boolean relu;
        private final double[] mask;

        Conv(FeatureShape in, int outChannels, Kernel kernel, boolean depthwise, boolean relu, SplittableRandom rnd) {
            super(in, new FeatureShape(outChannels, kernel.outHeight(in.height()), kernel.outWidth(in.width())),
                    outChannels * (depthwise ? 1 : in.channels()) * kernel.height() * kernel.width(), outChannels,
                    (depthwise ? 1 : in.channels()) * kernel.height() * kernel.width(), rnd);
            this.kernel = kernel;
            this.depthwise = depthwise;
            this.relu = relu;
            this.mask = new double[out.size()];
        }

        private int weightIndex(int o, int c, int dy, int dx) {
            return depthwise ? (o * kernel.height() + dy) * kernel.width() + dx
                    : ((o * in.channels() + c) * kernel.height() + dy) * kernel.width() + dx;
        }

        @Override
        void forward(double[] x, double[] y) {
            int plane = out.height() * out.width();
            for (int o = 0; o < out.channels(); o++) {
                Arrays.fill(y, o * plane, (o + 1) * plane, b[o]);
                for (int c = depthwise ? o : 0; c < (depthwise ? o + 1 : in.channels()); c++) {
                    for (int ky = 0; ky < kernel.height(); ky++) {
                        for (int kx = 0; kx < kernel.width(); kx++) {
                            taps(x, y, null, false, o, c, ky, kx, weightIndex(o, c, ky, kx));
                        }
                    }
                }
                if (relu) {
                    for (int i = o * plane; i < (o + 1) * plane; i++) {
                        y[i] = Math.max(0, y[i]);
                    }
                }
            }
        }

        @Override
        void backward(double[] x, double[] y, double[] dy, double[] dx) {
            int plane = out.height() * out.width();
            double[] d = masked(y, dy);
            for (int o = 0; o < out.channels(); o++) {
                double sum = 0;
                for (int i = o * plane; i < (o + 1) * plane; i++) {
                    sum += d[i];
                }
                gb[o] += sum;
                for (int c = depthwise ? o : 0; c < (depthwise ? o + 1 : in.channels()); c++) {
                    for (int ky = 0; ky < kernel.height(); ky++) {
                        for (int kx = 0; kx < kernel.width(); kx++) {
                            taps(x, d, dx, true, o, c, ky, kx, weightIndex(o, c, ky, kx));
                        }
                    }
                }
            }
        }

        /** {@code dy} where the output passed the ReLU, 0 elsewhere (in a held buffer). */
        private double[] masked(double[] y, double[] dy) {
            if (!relu) {
                return dy;
            }
            for (int i = 0; i < dy.length; i++) {
                mask[i] = y[i] > 0 ? dy[i] : 0;
            }
            return mask;
        }

        /**
         * Tap ({@code ky}, {@code kx}) of input channel {@code c} for output channel {@code o}, over every output
         * whose tap falls inside the input: forward adds {@code w * x} to {@code y}; backward reads {@code y} as
         * the output gradient, adds it times {@code x} to the weight's gradient and times {@code w} to {@code dx}
         * (unless null: the input's gradient is not needed).
         */
        private void taps(double[] x, double[] y, double[] dx, boolean backward, int o, int c, int ky, int kx, int wi) {
            int h = in.height();
            int wd = in.width();
            int oh = out.height();
            int ow = out.width();
            int sy = kernel.strideY();
            int sx = kernel.strideX();
            int oy0 = Math.max(0, Math.ceilDiv(kernel.padY() - ky, sy));
            int oy1 = Math.min(oh - 1, Math.floorDiv(h - 1 - ky + kernel.padY(), sy));
            int ox0 = Math.max(0, Math.ceilDiv(kernel.padX() - kx, sx));
            int ox1 = Math.min(ow - 1, Math.floorDiv(wd - 1 - kx + kernel.padX(), sx));
            double wv = w[wi];
            double g = 0;
            for (int oy = oy0; oy <= oy1; oy++) {
                int row = (c * h + oy * sy - kernel.padY() + ky) * wd - kernel.padX() + kx;
                int at = (o * oh + oy) * ow;
                if (!backward) {
                    for (int ox = ox0; ox <= ox1; ox++) {
                        y[at + ox] += wv * x[row + ox * sx];
                    }
                } else if (dx == null) {
                    for (int ox = ox0; ox <= ox1; ox++) {
                        g += y[at + ox] * x[row + ox * sx];
                    }
                } else {
                    for (int ox = ox0; ox <= ox1; ox++) {
                        double d = y[at + ox];
                        g += d * x[row + ox * sx];
                        dx[row + ox * sx] += d * wv;
                    }
                }
            }
            if (backward) {
                gw[wi] += g;
            }
        }
    }

    /** Max or average pooling over unpadded windows. */
    private static final class Pool extends FloatLayer {
        final Kernel kernel;
        final Pooling pooling;
        private final int[] argmax;

        Pool(FeatureShape in, Kernel kernel, Pooling pooling) {
            super(in, new FeatureShape(in.channels(), kernel.outHeight(in.height()), kernel.outWidth(in.width())), 0, 0, 1,
                    new SplittableRandom(0));
            this.kernel = kernel;
            this.pooling = pooling;
            this.argmax = new int[out.size()];
        }

        @Override
        void forward(double[] x, double[] y) {
            int taps = kernel.height() * kernel.width();
            for (int c = 0; c < out.channels(); c++) {
                for (int oy = 0; oy < out.height(); oy++) {
                    for (int ox = 0; ox < out.width(); ox++) {
                        int at = (c * out.height() + oy) * out.width() + ox;
                        double acc = pooling == Pooling.MAX ? Double.NEGATIVE_INFINITY : 0;
                        for (int ky = 0; ky < kernel.height(); ky++) {
                            for (int kx = 0; kx < kernel.width(); kx++) {
                                int xi = (c * in.height() + kernel.top(oy) + ky) * in.width() + kernel.left(ox) + kx;
                                if (pooling == Pooling.AVERAGE) {
                                    acc += x[xi];
                                } else if (x[xi] > acc) {
                                    acc = x[xi];
                                    argmax[at] = xi;
                                }
                            }
                        }
                        y[at] = pooling == Pooling.MAX ? acc : acc / taps;
                    }
                }
            }
        }

        @Override
        void backward(double[] x, double[] y, double[] dy, double[] dx) {
            if (dx == null) {
                return;
            }
            int taps = kernel.height() * kernel.width();
            for (int c = 0; c < out.channels(); c++) {
                for (int oy = 0; oy < out.height(); oy++) {
                    for (int ox = 0; ox < out.width(); ox++) {
                        int at = (c * out.height() + oy) * out.width() + ox;
                        if (pooling == Pooling.MAX) {
                            dx[argmax[at]] += dy[at];
                            continue;
                        }
                        for (int ky = 0; ky < kernel.height(); ky++) {
                            for (int kx = 0; kx < kernel.width(); kx++) {
                                dx[(c * in.height() + kernel.top(oy) + ky) * in.width() + kernel.left(ox) + kx] += dy[at] / taps;
                            }
                        }
                    }
                }
            }
        }
    }

    /** The fully connected last layer: logits. */
    private static final class Dense extends FloatLayer {
        Dense(FeatureShape in, int outputs, SplittableRandom rnd) {
            super(in, new FeatureShape(outputs, 1, 1), outputs * in.size(), outputs, in.size(), rnd);
        }

        @Override
        void forward(double[] x, double[] y) {
            int n = in.size();
            for (int o = 0; o < y.length; o++) {
                double acc = b[o];
                for (int i = 0; i < n; i++) {
                    acc += w[o * n + i] * x[i];
                }
                y[o] = acc;
            }
        }

        @Override
        void backward(double[] x, double[] y, double[] dy, double[] dx) {
            int n = in.size();
            for (int o = 0; o < y.length; o++) {
                double d = dy[o];
                gb[o] += d;
                for (int i = 0; i < n; i++) {
                    gw[o * n + i] += d * x[i];
                }
                for (int i = 0; dx != null && i < n; i++) {
                    dx[i] += d * w[o * n + i];
                }
            }
        }
    }
}
