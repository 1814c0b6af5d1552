package dev.vigil.sensors;

import java.util.Locale;

/** Frequencies and sample rates as people read them: thousands separators, no needless decimals. */
public final class Frequencies {
    private Frequencies() {
    }

    /** {@code hz} without its unit: 12,000 for 12 kHz, 2,500.5 where a fraction matters. */
    public static String format(double hz) {
        return String.format(Locale.ROOT, hz == Math.rint(hz) ? "%,.0f" : "%,.1f", hz);
    }
}
