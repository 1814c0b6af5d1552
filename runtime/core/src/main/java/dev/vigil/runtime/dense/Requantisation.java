package dev.vigil.runtime.dense;

/** Checks and describes the requantisation of hidden layers (multiplier and shift). */
final class Requantisation {

    private Requantisation() {
    }

    /** Refuses a multiplier outside 1..65535 or a shift outside 0..47. */
    static void check(int multiplier, int shift) {
        if (multiplier < 1 || multiplier > 0xFFFF) {
            throw new IllegalArgumentException("multiplier must be 1..65535, got " + multiplier);
        }
        if (shift < 0 || shift > 47) {
            throw new IllegalArgumentException("shift must be 0..47, got " + shift);
        }
    }

    /** {@code " x m >> s"}, or {@code " >> s"} when the multiplier is 1. */
    static String describe(int multiplier, int shift) {
        return (multiplier == 1 ? "" : " x" + multiplier) + " >> " + shift;
    }
}
