package dev.vigil.runtime.learn;

import dev.vigil.runtime.bundle.TrainingOptions;
import dev.vigil.runtime.dense.Int8Layer;
import dev.vigil.runtime.dense.Int8Model;
import dev.vigil.runtime.dense.Int8Op;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Fits the dense head: a hidden layer and a last layer learnt by plain SGD on softmax cross-entropy, each
 * class weighing the same in the loss however many examples it has (fixed seed, uniform initialisation,
 * Fisher–Yates shuffles, {@link StrictMath} only, so the result is the same bit for bit on every JVM),
 * inputs scaled by the largest quantised count, then quantised to int8. With
 * {@link TrainingOptions#prototypes()} the last layer is instead fitted few-shot, Akida-style, as class
 * prototypes: the mean int8 hidden activation of {@code shots} examples of each class (spread evenly over
 * the class's examples in order, so they do not all come from its first events) becomes that class's weight
 * row, with bias {@code -|w|^2 / 2k}, so the logits rank classes by distance to their prototype exactly as
 * the device computes them.
 */
public final class HeadTrainer {

    /** One training example: a tensor of counts (windows × readouts) and its class index. */
    public record Example(int[] counts, int label) {
    }

    private HeadTrainer() {
    }

    /** Trains a head named {@code name} over {@code windows} windows of {@code features} counts. */
    public static Int8Model train(String name, List<Example> examples, List<String> labels, int windows, int features,
                                  TrainingOptions o) {
        int in = windows * features;
        int maxCount = 1;
        for (Example e : examples) {
            for (int c : e.counts()) {
                maxCount = Math.max(maxCount, c);
            }
        }
        int inputShift = 0;
        while ((maxCount >> inputShift) > 127) {
            inputShift++;
        }
        int n = examples.size();
        int[][] xq = new int[n][in];
        int norm = 1;
        for (int e = 0; e < n; e++) {
            int[] c = examples.get(e).counts();
            for (int i = 0; i < in; i++) {
                xq[e][i] = Math.min(127, Math.max(0, c[i]) >> inputShift);
                norm = Math.max(norm, xq[e][i]);
            }
        }
        // SGD sees inputs scaled to [0, 1] by the largest quantised count, whatever the counts' range
        double[][] x = new double[n][in];
        for (int e = 0; e < n; e++) {
            for (int i = 0; i < in; i++) {
                x[e][i] = xq[e][i] / (double) norm;
            }
        }
        int h = o.hidden();
        int k = labels.size();
        SplittableRandom rnd = new SplittableRandom(o.seed());
        double[][] w1 = new double[h][in];
        double[] b1 = new double[h];
        double[][] w2 = new double[k][h];
        double[] b2 = new double[k];
        double l1 = StrictMath.sqrt(6.0 / (in + h));
        double l2 = StrictMath.sqrt(6.0 / (h + k));
        for (double[] row : w1) {
            for (int i = 0; i < in; i++) {
                row[i] = (rnd.nextDouble() * 2 - 1) * l1;
            }
        }
        for (double[] row : w2) {
            for (int j = 0; j < h; j++) {
                row[j] = (rnd.nextDouble() * 2 - 1) * l2;
            }
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        // each class weighs the same in the loss, however many examples it has
        int[] perClass = new int[k];
        for (Example e : examples) {
            perClass[e.label()]++;
        }
        int present = 0;
        for (int c : perClass) {
            present += c > 0 ? 1 : 0;
        }
        double[] classWeight = new double[k];
        for (int c = 0; c < k; c++) {
            classWeight[c] = perClass[c] == 0 ? 0 : (double) n / (present * perClass[c]);
        }

        double[] hid = new double[h];
        double[] z = new double[k];
        double[] dh = new double[h];
        for (int epoch = 0; epoch < o.epochs(); epoch++) {
            for (int i = n - 1; i > 0; i--) {
                int j = rnd.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            for (int idx : order) {
                double[] xe = x[idx];
                int y = examples.get(idx).label();
                for (int j = 0; j < h; j++) {
                    double a = b1[j];
                    for (int i = 0; i < in; i++) {
                        a += w1[j][i] * xe[i];
                    }
                    hid[j] = Math.max(0, a);
                }
                double zmax = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < k; c++) {
                    double a = b2[c];
                    for (int j = 0; j < h; j++) {
                        a += w2[c][j] * hid[j];
                    }
                    z[c] = a;
                    zmax = Math.max(zmax, a);
                }
                double sum = 0;
                for (int c = 0; c < k; c++) {
                    z[c] = StrictMath.exp(z[c] - zmax);
                    sum += z[c];
                }
                java.util.Arrays.fill(dh, 0);
                for (int c = 0; c < k; c++) {
                    double g = (z[c] / sum - (c == y ? 1 : 0)) * classWeight[y];
                    for (int j = 0; j < h; j++) {
                        dh[j] += g * w2[c][j];
                        w2[c][j] -= o.learningRate() * g * hid[j];
                    }
                    b2[c] -= o.learningRate() * g;
                }
                for (int j = 0; j < h; j++) {
                    if (hid[j] <= 0) {
                        continue;
                    }
                    double g = dh[j];
                    for (int i = 0; i < in; i++) {
                        w1[j][i] -= o.learningRate() * g * xe[i];
                    }
                    b1[j] -= o.learningRate() * g;
                }
            }
        }
        Int8Layer hidden = quantiseHidden(w1, b1, xq, norm, in, h);
        if (o.prototypes()) {
            return prototypes(name, inputShift, windows, hidden, examples, xq, labels, o.shots());
        }
        return sgdLast(name, inputShift, windows, hidden, w1, b1, w2, b2, norm, labels);
    }

    /** The SGD-trained last layer, quantised against the int8 hidden activations' scale. */
    private static Int8Model sgdLast(String name, int inputShift, int windows, Int8Layer hidden, double[][] w1, double[] b1,
                                     double[][] w2, double[] b2, int norm, List<String> labels) {
        // int8 hidden activation = float activation * k
        double k = 127 / maxAbs(w1) * norm / (double) (1L << hidden.shift());
        int h = hidden.outputs();
        int c = labels.size();
        double s2 = 127 / maxAbs(w2);
        List<Int8Op> layers = new ArrayList<>();
        layers.add(hidden);
        layers.add(new Int8Layer(h, c, int8(w2, s2), int32(b2, s2, k), 0, false));
        return new Int8Model(name, inputShift, windows, layers, labels, 1 / (s2 * k));
    }

    /** The largest magnitude in {@code w}, at least 1e-12 so that scales stay finite. */
    private static double maxAbs(double[][] w) {
        double max = 1e-12;
        for (double[] row : w) {
            for (double v : row) {
                max = Math.max(max, Math.abs(v));
            }
        }
        return max;
    }

    /** {@code w[o][i] * scale}, rounded and clamped to [-127, 127], row-major. */
    private static byte[] int8(double[][] w, double scale) {
        int cols = w[0].length;
        byte[] q = new byte[w.length * cols];
        for (int o = 0; o < w.length; o++) {
            for (int i = 0; i < cols; i++) {
                q[o * cols + i] = (byte) Math.max(-127, Math.min(127, StrictMath.round(w[o][i] * scale)));
            }
        }
        return q;
    }

    /** {@code b[o] * scale * gain} (in that order), rounded. */
    private static int[] int32(double[] b, double scale, double gain) {
        int[] q = new int[b.length];
        for (int o = 0; o < b.length; o++) {
            q[o] = (int) StrictMath.round(b[o] * scale * gain);
        }
        return q;
    }

    private static Int8Layer quantiseHidden(double[][] w1, double[] b1, int[][] xq, int norm, int in, int h) {
        double s = 127 / maxAbs(w1);
        byte[] w = int8(w1, s);
        int[] b = int32(b1, s, norm);
        Int8Layer raw = new Int8Layer(in, h, w, b, 0, false);
        int maxAcc = 1;
        int[] acc = new int[h];
        for (int[] x : xq) {
            raw.forward(x, acc);
            for (int a : acc) {
                maxAcc = Math.max(maxAcc, a);
            }
        }
        int shift = 0;
        while ((maxAcc >> shift) > 127) {
            shift++;
        }
        return new Int8Layer(in, h, w, b, shift, true);
    }

    private static Int8Model prototypes(String name, int inputShift, int windows, Int8Layer hidden, List<Example> examples,
                                        int[][] xq, List<String> labels, int shots) {
        int h = hidden.outputs();
        int k = labels.size();
        long[][] sum = new long[k][h];
        int[] used = new int[k];
        int[] act = new int[h];
        int[] total = new int[k];
        for (Example e : examples) {
            total[e.label()]++;
        }
        int[] rank = new int[k];
        for (int e = 0; e < examples.size(); e++) {
            int c = examples.get(e).label();
            int r = rank[c]++;
            // with more examples than shots, the picks are ranks floor(j * total / shots), j = 0 .. shots-1
            if (used[c] >= shots || total[c] > shots && r != (int) ((long) used[c] * total[c] / shots)) {
                continue;
            }
            hidden.forward(xq[e], act);
            for (int j = 0; j < h; j++) {
                sum[c][j] += act[j];
            }
            used[c]++;
        }
        double maxP = 1e-12;
        double[][] p = new double[k][h];
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < h; j++) {
                p[c][j] = used[c] == 0 ? 0 : (double) sum[c][j] / used[c];
                maxP = Math.max(maxP, p[c][j]);
            }
        }
        double scale = 127 / maxP;
        byte[] w = new byte[k * h];
        int[] b = new int[k];
        for (int c = 0; c < k; c++) {
            long sq = 0;
            for (int j = 0; j < h; j++) {
                int q = (int) Math.min(127, StrictMath.round(p[c][j] * scale));
                w[c * h + j] = (byte) q;
                sq += (long) q * q;
            }
            b[c] = used[c] == 0 ? Integer.MIN_VALUE / 2 : (int) -StrictMath.round(sq / (2 * scale));
        }
        List<dev.vigil.runtime.dense.Int8Op> layers = new ArrayList<>();
        layers.add(hidden);
        layers.add(new Int8Layer(h, k, w, b, 0, false));
        return new Int8Model(name, inputShift, windows, layers, labels, 8 / (scale * 127 * 127));
    }
}
