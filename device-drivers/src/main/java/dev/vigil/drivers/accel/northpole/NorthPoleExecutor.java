package dev.vigil.drivers.accel.northpole;

import dev.vigil.drivers.accel.northpole.LoweredLayer.Output;
import dev.vigil.drivers.accel.northpole.LoweredLayer.Reduction;
import dev.vigil.runtime.dense.DenseExecutor;

import java.util.List;

/** Runs lowered layers as gathered reductions (matrix-vector products or maxima), ping-ponging two activation buffers. */
final class NorthPoleExecutor implements DenseExecutor {
    private final LoweredLayer[] layers;
    private final int[] ping;
    private final int[] pong;

    NorthPoleExecutor(List<LoweredLayer> layers, int widest) {
        this.layers = layers.toArray(new LoweredLayer[0]);
        this.ping = new int[widest];
        this.pong = new int[widest];
    }

    @Override
    public void run(int[] input, int[] logits) {
        int[] x = input;
        int[] out = ping;
        for (LoweredLayer l : layers) {
            if (l.reduction() == Reduction.MAC) {
                multiplyAccumulate(l, x, out);
            } else {
                maximum(l, x, out);
            }
            x = out;
            out = out == ping ? pong : ping;
        }
        System.arraycopy(x, 0, logits, 0, logits.length);
    }

    private static void multiplyAccumulate(LoweredLayer l, int[] x, int[] out) {
        int[][] gather = l.gather();
        byte[][] weights = l.weights();
        int[] bias = l.bias();
        Output mode = l.output();
        long m = l.multiplier();
        int s = l.shift();
        for (int o = 0; o < gather.length; o++) {
            int[] g = gather[o];
            byte[] w = weights[o];
            int acc = bias[o];
            for (int j = 0; j < g.length; j++) {
                acc += w[j] * x[g[j]];
            }
            out[o] = switch (mode) {
                case RELU -> (int) Math.min(127, Math.max(0, acc) * m >> s);
                case SIGNED -> (int) Math.max(-128, Math.min(127, acc * m >> s));
                case RAW -> acc;
            };
        }
    }

    private static void maximum(LoweredLayer l, int[] x, int[] out) {
        int[][] gather = l.gather();
        for (int o = 0; o < gather.length; o++) {
            int[] g = gather[o];
            int max = x[g[0]];
            for (int j = 1; j < g.length; j++) {
                max = Math.max(max, x[g[j]]);
            }
            out[o] = max;
        }
    }
}
