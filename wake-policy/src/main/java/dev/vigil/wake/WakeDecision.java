package dev.vigil.wake;

/**
 * What a policy decided for one window, and why.
 *
 * @param wake      true when the dense stage should run now
 * @param active    true while the policy considers the scene salient (wakes fire on its rising edge)
 * @param rule      the rule that decided, e.g. {@code "threshold-hysteresis"}
 * @param value     the value the rule looked at, e.g. the window's spike total
 * @param threshold the threshold it was compared with
 * @param note      what else the rule says, e.g. {@code "refused: budget empty"}; empty when nothing
 */
public record WakeDecision(boolean wake, boolean active, String rule, double value, double threshold, String note) {

    public WakeDecision {
        note = note == null ? "" : note;
    }

    /** A decision without a note. */
    public WakeDecision(boolean wake, boolean active, String rule, double value, double threshold) {
        this(wake, active, rule, value, threshold, "");
    }

    /** This decision turned into a refusal by {@code byRule}, keeping what the inner rule saw. */
    public WakeDecision refusedBy(String byRule, String why) {
        return new WakeDecision(false, active, byRule, value, threshold, why + "; " + reason());
    }

    /** A one-line reason for logs and payloads. */
    public String reason() {
        String cmp = value >= threshold ? " >= " : " < ";
        return rule + ": " + fmt(value) + cmp + fmt(threshold) + (note.isEmpty() ? "" : " (" + note + ")");
    }

    static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d)
                : String.format(java.util.Locale.ROOT, "%.3f", d);
    }
}
