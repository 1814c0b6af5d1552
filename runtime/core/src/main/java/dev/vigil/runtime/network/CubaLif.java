package dev.vigil.runtime.network;

/**
 * Current-based LIF in Loihi's fixed point ({@link FixedPoint}), as Lava's bit-accurate model
 * ({@code PyLifModelBitAcc}) documents it. Per step, with {@code I} the summed integer synaptic input
 * (weights already scaled by the layer's weight exponent):
 * <pre>
 * u = wrap24( decay(u, du + 1) + (I &lt;&lt; 6) )         current: 24-bit, wraps
 * v = clamp24( decay(v, dv) + u + (biasMantissa &lt;&lt; biasExponent) )   voltage: 24-bit, saturates at +-(2^23 - 1)
 * if v &gt; threshold &lt;&lt; 6: spike, v = 0
 * </pre>
 * where {@code decay(x, d) = sign(x) * ((|x| * (4096 - d)) >> 12)} (rounds toward zero) and
 * {@code wrap24(c)} is {@code c - 2^24} when {@code c > 2^23}, {@code c + 2^24} when {@code c <= -2^23}.
 * With {@code du = 4095} the current lasts one step and the model is a plain LIF.
 *
 * @param du            current decay, 0..4095 (12 bits; the hardware adds one)
 * @param dv            voltage decay, 0..4095 (12 bits)
 * @param biasMantissa  signed 13-bit bias mantissa, -4096..4095
 * @param biasExponent  bias exponent, 0..7 (3 bits)
 * @param threshold     unsigned 17-bit threshold mantissa, 0..131071 (compared after {@code << 6})
 * @param delay         steps between a spike reaching the layer's synapses and its current: 0, or 1
 *                      as in Loihi's dendritic pipeline (the chip's one-step delay per layer)
 * @param biasMantissas per-neuron bias mantissas (13-bit signed, sharing {@code biasExponent}), or
 *                      null when every neuron uses {@code biasMantissa}
 */
public record CubaLif(int du, int dv, int biasMantissa, int biasExponent, int threshold, int delay,
                      int[] biasMantissas) implements NeuronModel {

    /** Model name. */
    public static final String KIND = "cuba-lif";

    public CubaLif {
        check("du", du, 0, FixedPoint.DECAY_MAX);
        check("dv", dv, 0, FixedPoint.DECAY_MAX);
        check("bias mantissa", biasMantissa, FixedPoint.BIAS_MANTISSA_MIN, FixedPoint.BIAS_MANTISSA_MAX);
        check("bias exponent", biasExponent, 0, FixedPoint.BIAS_EXPONENT_MAX);
        check("threshold", threshold, 0, FixedPoint.THRESHOLD_MAX);
        check("delay", delay, 0, 1);
        if (biasMantissas != null) {
            biasMantissas = biasMantissas.clone();
            for (int b : biasMantissas) {
                check("bias mantissa", b, FixedPoint.BIAS_MANTISSA_MIN, FixedPoint.BIAS_MANTISSA_MAX);
            }
        }
    }

    /** One bias for every neuron. */
    public CubaLif(int du, int dv, int biasMantissa, int biasExponent, int threshold, int delay) {
        this(du, dv, biasMantissa, biasExponent, threshold, delay, null);
    }

    private static void check(String what, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException("CUBA LIF " + what + " must be " + min + ".." + max + ", got " + value);
        }
    }

    /** A plain LIF (current lasting one step), no bias, no delay. */
    public static CubaLif lif(int dv, int threshold) {
        return new CubaLif(FixedPoint.DECAY_MAX, dv, 0, 0, threshold, 0);
    }

    /** The same neuron with another delay. */
    public CubaLif withDelay(int steps) {
        return new CubaLif(du, dv, biasMantissa, biasExponent, threshold, steps, biasMantissas);
    }

    @Override
    public int[] biasMantissas() {
        return biasMantissas == null ? null : biasMantissas.clone();
    }

    /** The bias added to neuron {@code neuron}'s voltage every step. */
    public int bias(int neuron) {
        return (biasMantissas == null ? biasMantissa : biasMantissas[neuron]) << biasExponent;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CubaLif c && c.du == du && c.dv == dv && c.biasMantissa == biasMantissa
                && c.biasExponent == biasExponent && c.threshold == threshold && c.delay == delay
                && java.util.Arrays.equals(c.biasMantissas, biasMantissas);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(du, dv, biasMantissa, biasExponent, threshold, delay)
                + java.util.Arrays.hashCode(biasMantissas);
    }

    @Override
    public String kind() {
        return KIND;
    }
}
