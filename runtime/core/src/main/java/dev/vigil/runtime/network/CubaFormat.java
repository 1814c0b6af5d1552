package dev.vigil.runtime.network;

/**
 * The fixed point a {@link CubaLif} layer computes in: every fixed-point constant of the neuron models
 * (Loihi's 4096 decay unit, 131071 threshold limit, 2^23 state limit ...) is named here once, as a
 * component of {@link #LOIHI} or {@link #WIDE}, and derived where used. A decay {@code d} keeps
 * {@code (2^decayBits - d) / 2^decayBits} of a state per step, rounding toward zero; the current wraps
 * and the voltage saturates at {@code stateBits}; synaptic input and threshold are shifted left by
 * {@code alignShift} before they meet the state.
 *
 * @param kind            the neuron model's name, as devices list it in their capabilities
 * @param decayBits       fraction bits of the decays
 * @param stateBits       width of the current and voltage registers (voltage within {@code +-(2^(stateBits-1) - 1)})
 * @param alignShift      left shift of synaptic input and threshold
 * @param thresholdBits   width of the unsigned threshold mantissa
 * @param biasBits        width of the signed bias mantissa
 * @param maxBiasExponent largest bias exponent
 * @param currentBias     whether a layer may hold a constant input current per neuron
 */
public record CubaFormat(String kind, int decayBits, int stateBits, int alignShift, int thresholdBits, int biasBits,
                         int maxBiasExponent, boolean currentBias) {

    /**
     * Loihi's, as Lava's bit-accurate model documents it: 12-bit decays, 24-bit state, input and
     * threshold aligned by 2^6, 17-bit threshold, 13-bit bias mantissa with a 3-bit exponent, no
     * constant current.
     */
    public static final CubaFormat LOIHI = new CubaFormat("cuba-lif", 12, 24, 6, 17, 13, 7, false);

    /**
     * The golden device's wide format for imported models: 24-bit decays, state within +-2^30 (31 bits:
     * the sum of two states still fits a 32-bit register), no alignment shift, 30-bit threshold, 31-bit
     * bias, and a constant input current per neuron (an Affine bias in front of a current-based neuron).
     */
    public static final CubaFormat WIDE = new CubaFormat("cuba-lif-wide", 24, 31, 0, 30, 31, 0, true);

    public CubaFormat {
        if (decayBits < 1 || decayBits > 24 || stateBits < 2 || stateBits > 31 || alignShift < 0
                || thresholdBits < 1 || thresholdBits + alignShift > 31 || biasBits < 2 || biasBits > 31
                || maxBiasExponent < 0 || maxBiasExponent > 7) {
            throw new IllegalArgumentException("CUBA format out of range: " + kind);
        }
    }

    /** {@code 2^decayBits}: the decay that forgets everything. */
    public int decayOne() {
        return 1 << decayBits;
    }

    /** The largest state magnitude plus one: {@code 2^(stateBits-1)}. */
    public long stateLimit() {
        return 1L << (stateBits - 1);
    }

    /** {@code x * (2^decayBits - d) / 2^decayBits}, rounded toward zero. */
    public long decay(long x, int d) {
        long product = x * ((1L << decayBits) - d);
        return product < 0 ? -((-product) >> decayBits) : product >> decayBits;
    }

    /** The current register's wrap: above {@code 2^(stateBits-1)} subtract, at or below its negative add {@code 2^stateBits}. */
    public long wrap(long current) {
        long limit = stateLimit();
        if (current > limit) {
            return current - 2 * limit;
        }
        if (current <= -limit) {
            return current + 2 * limit;
        }
        return current;
    }

    /** The voltage register's saturation at {@code +-(2^(stateBits-1) - 1)}. */
    public long saturate(long voltage) {
        long max = stateLimit() - 1;
        return Math.max(-max, Math.min(max, voltage));
    }
}
