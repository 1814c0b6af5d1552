package dev.vigil.wake;

import java.util.Locale;

/**
 * What a policy decided for one window, and why.
 *
 * @param outcome   what came of the window: a wake, none, or a wake that a decorator refused
 * @param active    true while the policy considers the scene salient (wakes fire on its rising edge)
 * @param rule      the rule that decided, e.g. {@code "threshold-hysteresis"}
 * @param value     the value the rule looked at, e.g. the window's spike total
 * @param threshold the threshold it was compared with
 * @param note      what else the rule says, e.g. {@code "refused: budget empty"}; empty when nothing
 */
public record WakeDecision(Outcome outcome, boolean active, String rule, double value, double threshold, String note) {

    /** What came of a window. */
    public enum Outcome {
        /** The dense stage should run now. */
        WAKE,
        /** No wake (the scene may still be {@linkplain WakeDecision#active() active}). */
        QUIET,
        /** The trigger woke, but a cooldown after the previous wake refused it. */
        REFUSED_COOLDOWN,
        /** The trigger woke, but the wake budget had no token left. */
        REFUSED_BUDGET,
        /** The sensor woke, but sensor fusion did not find enough other sensors waking with it. */
        HELD_BY_FUSION;

        /** Whether a wake of the trigger was refused or held back. */
        public boolean refused() {
            return this == REFUSED_COOLDOWN || this == REFUSED_BUDGET || this == HELD_BY_FUSION;
        }
    }

    public WakeDecision {
        note = note == null ? "" : note;
    }

    /** A wake by {@code rule}. */
    public static WakeDecision wake(String rule, double value, double threshold, String note) {
        return new WakeDecision(Outcome.WAKE, true, rule, value, threshold, note);
    }

    /** No wake by {@code rule}; {@code active} while it still considers the scene salient. */
    public static WakeDecision quiet(boolean active, String rule, double value, double threshold, String note) {
        return new WakeDecision(Outcome.QUIET, active, rule, value, threshold, note);
    }

    /** True when the dense stage should run now. */
    public boolean wake() {
        return outcome == Outcome.WAKE;
    }

    /** This decision turned into {@code refusal} by {@code byRule}, keeping what the inner rule saw. */
    public WakeDecision refusedBy(Outcome refusal, String byRule, String why) {
        if (!refusal.refused()) {
            throw new IllegalArgumentException(refusal + " is not a refusal");
        }
        return new WakeDecision(refusal, active, byRule, value, threshold, why + "; " + reason());
    }

    /** A one-line reason for logs and payloads. */
    public String reason() {
        String cmp = value >= threshold ? " >= " : " < ";
        return rule + ": " + fmt(value) + cmp + fmt(threshold) + (note.isEmpty() ? "" : " (" + note + ")");
    }

    static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d)
                : String.format(Locale.ROOT, "%.3f", d);
    }
}
