package dev.vigil.runtime.network;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Current-based LIF in fixed point. In Loihi's format ({@link CubaFormat#LOIHI}) this is Lava's
 * bit-accurate model ({@code PyLifModelBitAcc}); the golden device also runs a wider format
 * ({@link CubaFormat#WIDE}) for imported models. Per step, with {@code I} the summed integer synaptic
 * input (weights already scaled by the layer's weight exponent), {@code A} the format's align shift and
 * {@code B} its state bits:
 * <pre>
 * u = wrapB( decay(u, du + 1) + (I &lt;&lt; A) + currentBias )         current: wraps
 * v = saturateB( decay(v, dv) + u + (biasMantissa &lt;&lt; biasExponent) )   voltage: saturates at +-(2^(B-1) - 1)
 * if v &gt; threshold &lt;&lt; A: spike, v = 0
 * </pre>
 * where {@code decay(x, d) = sign(x) * ((|x| * (2^D - d)) >> D)} rounds toward zero ({@code D} the
 * format's decay bits) and {@code wrapB(c)} is {@code c - 2^B} when {@code c > 2^(B-1)}, {@code c + 2^B}
 * when {@code c <= -2^(B-1)}. With {@code du = 2^D - 1} the current lasts one step and the model is a
 * plain LIF. The voltage starts at {@code initialV} (0 when absent) and returns there on
 * {@link dev.vigil.runtime.hal.DeviceSession#reset()}; a spike always resets it to 0 (a model's reset
 * potential other than 0 is a shift of the voltage, made by the compiler).
 *
 * @param du            current decay, {@code 0..2^D - 1} (the hardware adds one)
 * @param dv            voltage decay, {@code 0..2^D - 1}
 * @param biasMantissa  signed bias mantissa (the format's bias bits)
 * @param biasExponent  bias exponent, up to the format's largest
 * @param threshold     unsigned threshold mantissa (the format's threshold bits), compared after {@code << A}
 * @param delay         steps between a spike reaching the layer's synapses and its current: 0, or 1
 *                      as in Loihi's dendritic pipeline (the chip's one-step delay per layer)
 * @param biasMantissas per-neuron bias mantissas (sharing {@code biasExponent}), or null when every
 *                      neuron uses {@code biasMantissa}
 * @param dus           per-neuron current decays, or null when every neuron uses {@code du}
 * @param dvs           per-neuron voltage decays, or null when every neuron uses {@code dv}
 * @param initialV      per-neuron initial voltages, or null for 0
 * @param currentBias   per-neuron constant input current in state units, or null for none (only in
 *                      formats that hold one)
 * @param format        the fixed point
 */
public record CubaLif(int du, int dv, int biasMantissa, int biasExponent, int threshold, int delay,
                      int[] biasMantissas, int[] dus, int[] dvs, int[] initialV, int[] currentBias,
                      CubaFormat format) implements NeuronModel {

    /** Model name of Loihi's format. */
    public static final String KIND = CubaFormat.LOIHI.kind();
    /** Bits of Loihi's current and voltage registers. */
    public static final int STATE_BITS = CubaFormat.LOIHI.stateBits();
    /** Shift that MSB-aligns synaptic input and threshold with the state in Loihi's format. */
    public static final int ALIGN_SHIFT = CubaFormat.LOIHI.alignShift();

    public CubaLif {
        Objects.requireNonNull(format, "CUBA format");
        int maxDecay = format.decayOne() - 1;
        check("du", du, 0, maxDecay);
        check("dv", dv, 0, maxDecay);
        long biasLimit = 1L << (format.biasBits() - 1);
        check("bias mantissa", biasMantissa, -biasLimit, biasLimit - 1);
        check("bias exponent", biasExponent, 0, format.maxBiasExponent());
        check("threshold", threshold, 0, (1L << format.thresholdBits()) - 1);
        check("delay", delay, 0, 1);
        long stateMax = format.stateLimit() - 1;
        biasMantissas = checked("bias mantissa", biasMantissas, -biasLimit, biasLimit - 1);
        dus = checked("du", dus, 0, maxDecay);
        dvs = checked("dv", dvs, 0, maxDecay);
        initialV = checked("initial voltage", initialV, -stateMax, stateMax);
        currentBias = checked("current bias", currentBias, -stateMax, stateMax);
        if (currentBias != null && !format.currentBias()) {
            throw new IllegalArgumentException("CUBA LIF format " + format.kind() + " holds no constant input current");
        }
    }

    /** Loihi's format, one bias per neuron or none. */
    public CubaLif(int du, int dv, int biasMantissa, int biasExponent, int threshold, int delay, int[] biasMantissas) {
        this(du, dv, biasMantissa, biasExponent, threshold, delay, biasMantissas, null, null, null, null,
                CubaFormat.LOIHI);
    }

    /** Loihi's format, one bias for every neuron. */
    public CubaLif(int du, int dv, int biasMantissa, int biasExponent, int threshold, int delay) {
        this(du, dv, biasMantissa, biasExponent, threshold, delay, null);
    }

    private static void check(String what, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException("CUBA LIF " + what + " must be " + min + ".." + max + ", got " + value);
        }
    }

    private static int[] checked(String what, int[] values, long min, long max) {
        if (values == null) {
            return null;
        }
        for (int v : values) {
            check(what, v, min, max);
        }
        return values.clone();
    }

    /** A plain LIF (current lasting one step) in Loihi's format, no bias, no delay. */
    public static CubaLif lif(int dv, int threshold) {
        return new CubaLif(CubaFormat.LOIHI.decayOne() - 1, dv, 0, 0, threshold, 0);
    }

    /** The same neuron with another delay. */
    public CubaLif withDelay(int steps) {
        return new CubaLif(du, dv, biasMantissa, biasExponent, threshold, steps, biasMantissas, dus, dvs, initialV,
                currentBias, format);
    }

    /** Every per-neuron array present, with its name, for length checks against the layer. */
    public Map<String, Integer> perNeuronLengths() {
        Map<String, Integer> lengths = new LinkedHashMap<>();
        putLength(lengths, "bias mantissas", biasMantissas);
        putLength(lengths, "current decays", dus);
        putLength(lengths, "voltage decays", dvs);
        putLength(lengths, "initial voltages", initialV);
        putLength(lengths, "current biases", currentBias);
        return lengths;
    }

    private static void putLength(Map<String, Integer> lengths, String name, int[] values) {
        if (values != null) {
            lengths.put(name, values.length);
        }
    }

    @Override
    public int[] biasMantissas() {
        return biasMantissas == null ? null : biasMantissas.clone();
    }

    @Override
    public int[] dus() {
        return dus == null ? null : dus.clone();
    }

    @Override
    public int[] dvs() {
        return dvs == null ? null : dvs.clone();
    }

    @Override
    public int[] initialV() {
        return initialV == null ? null : initialV.clone();
    }

    @Override
    public int[] currentBias() {
        return currentBias == null ? null : currentBias.clone();
    }

    /** The bias added to neuron {@code neuron}'s voltage every step. */
    public int bias(int neuron) {
        return (biasMantissas == null ? biasMantissa : biasMantissas[neuron]) << biasExponent;
    }

    /** Neuron {@code neuron}'s current decay. */
    public int du(int neuron) {
        return dus == null ? du : dus[neuron];
    }

    /** Neuron {@code neuron}'s voltage decay. */
    public int dv(int neuron) {
        return dvs == null ? dv : dvs[neuron];
    }

    /** Neuron {@code neuron}'s voltage at the start and after a session reset. */
    public int initialV(int neuron) {
        return initialV == null ? 0 : initialV[neuron];
    }

    /** Neuron {@code neuron}'s constant input current, in state units. */
    public int currentBias(int neuron) {
        return currentBias == null ? 0 : currentBias[neuron];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CubaLif c && c.du == du && c.dv == dv && c.biasMantissa == biasMantissa
                && c.biasExponent == biasExponent && c.threshold == threshold && c.delay == delay
                && Arrays.equals(c.biasMantissas, biasMantissas) && Arrays.equals(c.dus, dus)
                && Arrays.equals(c.dvs, dvs) && Arrays.equals(c.initialV, initialV)
                && Arrays.equals(c.currentBias, currentBias) && c.format.equals(format);
    }

    @Override
    public int hashCode() {
        return Objects.hash(du, dv, biasMantissa, biasExponent, threshold, delay, format)
                + 31 * (Arrays.hashCode(biasMantissas) + 31 * (Arrays.hashCode(dus) + 31 * (Arrays.hashCode(dvs)
                + 31 * (Arrays.hashCode(initialV) + 31 * Arrays.hashCode(currentBias)))));
    }

    @Override
    public String toString() {
        return "CubaLif[" + format.kind() + ", du=" + du + ", dv=" + dv + ", threshold=" + threshold + ", delay="
                + delay + (dus != null || dvs != null ? ", per-neuron decays" : "")
                + (biasMantissas != null ? ", per-neuron bias" : "") + (initialV != null ? ", initial v" : "")
                + (currentBias != null ? ", current bias" : "") + "]";
    }

    @Override
    public String kind() {
        return format.kind();
    }
}
