package dev.vigil.runtime.network;

/**
 * The fixed-point formats of the {@link CubaLif} neuron (Loihi's, as Lava's bit-accurate model
 * documents them), named once for the network model, the golden device and the emulated devices, with
 * the three operations that define the arithmetic: the 12-bit decay, the 24-bit wrapping current and
 * the 24-bit saturating voltage.
 */
public final class FixedPoint {
    /** Bits of a decay constant: a decay {@code d} keeps {@code (4096 - d) / 4096} of a state. */
    public static final int DECAY_BITS = 12;
    /** The whole a decay is a share of, 4096. */
    public static final int DECAY_ONE = 1 << DECAY_BITS;
    /** The largest decay, 4095: a current with this decay lasts one step. */
    public static final int DECAY_MAX = DECAY_ONE - 1;
    /** Bits of the signed bias mantissa. */
    public static final int BIAS_MANTISSA_BITS = 13;
    /** The smallest bias mantissa, -4096. */
    public static final int BIAS_MANTISSA_MIN = -(1 << (BIAS_MANTISSA_BITS - 1));
    /** The largest bias mantissa, 4095. */
    public static final int BIAS_MANTISSA_MAX = (1 << (BIAS_MANTISSA_BITS - 1)) - 1;
    /** The largest bias exponent, 7 (3 bits). */
    public static final int BIAS_EXPONENT_MAX = 7;
    /** Bits of the unsigned threshold mantissa. */
    public static final int THRESHOLD_BITS = 17;
    /** The largest threshold mantissa, 131071. */
    public static final int THRESHOLD_MAX = (1 << THRESHOLD_BITS) - 1;
    /** Bits of the current and voltage registers. */
    public static final int STATE_BITS = 24;
    /** 2^23: the current wraps above it (and at or below its negative); the voltage saturates one short of it. */
    public static final int STATE_LIMIT = 1 << (STATE_BITS - 1);
    /** Shift that MSB-aligns synaptic input and threshold with the state. */
    public static final int ALIGN_SHIFT = 6;

    private FixedPoint() {
    }

    /** {@code decay(x, d) = x * (4096 - d) / 4096}, rounded toward zero (a shift of the magnitude). */
    public static long decay(long x, int d) {
        long product = x * (DECAY_ONE - d);
        return product < 0 ? -((-product) >> DECAY_BITS) : product >> DECAY_BITS;
    }

    /** {@code wrap24(c)}: {@code c - 2^24} when {@code c > 2^23}, {@code c + 2^24} when {@code c <= -2^23}, else {@code c}. */
    public static int wrap24(int c) {
        if (c > STATE_LIMIT) {
            return c - 2 * STATE_LIMIT;
        }
        if (c <= -STATE_LIMIT) {
            return c + 2 * STATE_LIMIT;
        }
        return c;
    }

    /** {@code clamp24(v)}: {@code v} saturated to {@code +-(2^23 - 1)}. */
    public static int clamp24(long v) {
        return (int) Math.max(-(STATE_LIMIT - 1), Math.min(STATE_LIMIT - 1, v));
    }
}
