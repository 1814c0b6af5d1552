package dev.vigil.wake;

/**
 * What a policy decided for one window, and why.
 *
 * @param wake      true when the dense stage should run now
 * @param active    true while the policy considers the scene salient (wakes fire on its rising edge)
 * @param rule      the rule that decided, e.g. {@code "threshold-hysteresis"}
 * @param value     the value the rule looked at, e.g. the window's spike total
 * @param threshold the threshold it was compared with
 */
public record WakeDecision(boolean wake, boolean active, String rule, double value, double threshold) {

    /** A one-line reason for logs and payloads. */
    public String reason() {
        return rule + ": " + fmt(value) + (wake || active ? " >= " : " < ") + fmt(threshold);
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : String.format(java.util.Locale.ROOT, "%.3f", d);
    }
}
