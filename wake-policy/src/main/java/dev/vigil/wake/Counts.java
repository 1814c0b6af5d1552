package dev.vigil.wake;

/** Small helpers over per-neuron count arrays. */
final class Counts {

    private Counts() {
    }

    static int total(int[] counts) {
        int s = 0;
        for (int c : counts) {
            s += c;
        }
        return s;
    }
}
