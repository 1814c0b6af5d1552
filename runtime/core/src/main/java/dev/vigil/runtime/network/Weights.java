package dev.vigil.runtime.network;

/** Small helpers over integer weight arrays. */
final class Weights {

    private Weights() {
    }

    static int maxAbs(int[] weights) {
        int m = 0;
        for (int w : weights) {
            m = Math.max(m, Math.abs(w));
        }
        return m;
    }
}
