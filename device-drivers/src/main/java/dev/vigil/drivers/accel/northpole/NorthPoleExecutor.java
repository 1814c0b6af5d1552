package dev.vigil.drivers.accel.northpole;

import dev.vigil.runtime.dense.DenseExecutor;

import java.util.List;

/** Runs lowered layers as gathered matrix-vector products, ping-ponging two activation buffers. */
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
            int[][] gather = l.gather();
            byte[][] weights = l.weights();
            int[] bias = l.bias();
            for (int o = 0; o < bias.length; o++) {
                int[] g = gather[o];
                byte[] w = weights[o];
                int acc = bias[o];
                for (int j = 0; j < g.length; j++) {
                    acc += w[j] * x[g[j]];
                }
                out[o] = l.relu() ? Math.min(127, Math.max(0, acc) >> l.shift()) : acc;
            }
            x = out;
            out = out == ping ? pong : ping;
        }
        System.arraycopy(x, 0, logits, 0, logits.length);
    }
}
