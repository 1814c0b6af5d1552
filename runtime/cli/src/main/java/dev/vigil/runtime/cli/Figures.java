package dev.vigil.runtime.cli;

import java.util.Locale;

/**
 * How figures read on the console: counts with thousands separators ({@code 65,536}), quantities with
 * an SI prefix ({@code 7.47 µJ}) and nouns that agree with their count ({@code 1 wake}, {@code 3 wakes}).
 * JSON keeps base units (joules, seconds) and plain numbers; this is for people only.
 */
public final class Figures {
    private static final String[] PREFIXES = {"p", "n", "µ", "m", "", "k", "M", "G"};
    private static final int NO_PREFIX = 4;

    private Figures() {
    }

    /** {@code n} with thousands separators, e.g. {@code 65,536}. */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** {@code n} with separators and the noun in the number it takes, e.g. {@code 1 wake}, {@code 2,048 wakes}. */
    public static String count(long n, String one, String many) {
        return count(n) + " " + (n == 1 ? one : many);
    }

    /**
     * {@code value} (in the base {@code unit}) with the SI prefix that puts it between 1 and 1000 and
     * three significant figures at most, e.g. {@code si(7.47e-6, "J")} is {@code 7.47 µJ}; 0 is {@code 0 J}.
     */
    public static String si(double value, String unit) {
        if (value == 0 || !Double.isFinite(value)) {
            return (value == 0 ? "0" : Double.toString(value)) + " " + unit;
        }
        int step = (int) Math.floor(Math.log10(Math.abs(value)) / 3);
        step = Math.max(-NO_PREFIX, Math.min(PREFIXES.length - 1 - NO_PREFIX, step));
        double scaled = value / Math.pow(1000, step);
        if (Math.abs(Double.parseDouble(String.format(Locale.ROOT, "%.3g", scaled))) >= 1000 && step < PREFIXES.length - 1 - NO_PREFIX) {
            step++;
            scaled = value / Math.pow(1000, step);
        }
        String digits = Math.abs(scaled) >= 100 ? "%.0f" : Math.abs(scaled) >= 10 ? "%.1f" : "%.2f";
        return String.format(Locale.ROOT, digits, scaled) + " " + PREFIXES[step + NO_PREFIX] + unit;
    }

    /** Seconds with the given decimals, e.g. {@code seconds(6, 2)} is {@code 6.00 s}. */
    public static String seconds(double s, int decimals) {
        return String.format(Locale.ROOT, "%,." + decimals + "f s", s);
    }
}
