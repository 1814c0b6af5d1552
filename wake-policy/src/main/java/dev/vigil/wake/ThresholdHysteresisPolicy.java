package dev.vigil.wake;

/**
 * Wakes when the window's total spike count rises to {@code on} or above, then stays quiet until the
 * total has fallen to {@code off} or below: one wake per salient episode, no chatter around a single
 * threshold.
 */
public final class ThresholdHysteresisPolicy implements WakePolicy {
    /** Rule name carried in decisions. */
    public static final String RULE = "threshold-hysteresis";
    private final int on;
    private final int off;
    private boolean active;

    /** Wakes at a total of at least {@code on}; re-arms at {@code off} or below ({@code off < on}). */
    public ThresholdHysteresisPolicy(int on, int off) {
        if (on <= 0 || off < 0 || off >= on) {
            throw new IllegalArgumentException("need 0 <= off < on, got on=" + on + " off=" + off);
        }
        this.on = on;
        this.off = off;
    }

    @Override
    public WakeDecision decide(long timeUs, int[] counts) {
        int total = Counts.total(counts);
        if (!active && total >= on) {
            active = true;
            return WakeDecision.wake(RULE, total, on, "");
        }
        if (active && total <= off) {
            active = false;
        }
        return WakeDecision.quiet(active, RULE, total, active ? off : on, active ? "holding until <= " + off : "");
    }

    @Override
    public void reset() {
        active = false;
    }
}
