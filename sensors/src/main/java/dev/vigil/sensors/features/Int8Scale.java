package dev.vigil.sensors.features;

/**
 * How feature values become the int8 inputs of an int8 head: {@code q = clamp(round((v' - offset) /
 * step), -128, 127)}, where {@code v' = ln(max(v, 1e-12))} for a {@code logarithmic} scale and
 * {@code v' = v} otherwise. The defaults below suit each view; a head's bundle records the scale it
 * was trained with.
 *
 * @param offset      value mapped to 0
 * @param step        value of one int8 step
 * @param logarithmic quantise the natural log of the value
 */
public record Int8Scale(double offset, double step, boolean logarithmic) {
    /**
     * Log-mel frames ({@link LogMel}, already natural logs): step 0.1 around -1, so -13.8 (silence,
     * {@code ln(LogMel.FLOOR)}) maps to -128 and a full-scale tone's 9.2 to 102.
     */
    public static final Int8Scale LOG_MEL = new Int8Scale(-1.0, 0.1, false);
    /**
     * Vibration amplitudes ({@link VibrationSpectra}, in the signal's units), logarithmic: 0.0025 (the
     * median of a CWRU drive-end envelope spectrum, in g) maps to 0, one step is 0.05 in ln, so
     * 4.2e-6 .. 1.43 span -128 .. 127 (the CWRU inner-race BPFI line, 0.18 g, maps to 86).
     */
    public static final Int8Scale SPECTRUM = new Int8Scale(Math.log(0.0025), 0.05, true);
    /** Event counts ({@link EventFrames}): one count per step, saturating at 127. */
    public static final Int8Scale EVENT_COUNTS = new Int8Scale(0, 1, false);

    public Int8Scale {
        if (!(step > 0) || !Double.isFinite(offset)) {
            throw new IllegalArgumentException("int8 scale needs a positive step and a finite offset, got " + step + " and " + offset);
        }
    }

    /** The int8 value of {@code v}. */
    public int quantise(double v) {
        double u = logarithmic ? Math.log(Math.max(v, 1e-12)) : v;
        return (int) Math.max(-128, Math.min(127, Math.round((u - offset) / step)));
    }

    /** Quantises {@code values[0 .. count)} into {@code out}. */
    public void quantise(float[] values, int count, int[] out) {
        for (int i = 0; i < count; i++) {
            out[i] = quantise(values[i]);
        }
    }

    /** Quantises {@code values[0 .. count)} into {@code out}. */
    public void quantise(int[] values, int count, int[] out) {
        for (int i = 0; i < count; i++) {
            out[i] = quantise(values[i]);
        }
    }

    /** The value an int8 {@code q} stands for (the middle of its step). */
    public double value(int q) {
        double u = offset + q * step;
        return logarithmic ? Math.exp(u) : u;
    }
}
