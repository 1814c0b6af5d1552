package dev.vigil.wake;

/**
 * Wakes when the window's total spike count rises to {@code on} or above, then stays quiet until the
 * total has fallen to {@code off} or below: one wake per salient episode, no chatter around a single
 * threshold. An armed lane's quiet decisions are kept per window total once made, so an idle lane
 * allocates none.
 */
public final class ThresholdHysteresisPolicy implements WakePolicy {
    /** Rule name carried in decisions. */
    public static final String RULE = "threshold-hysteresis";
    /** Armed quiet decisions kept per total, at most this many: the window totals an idle lane gives. */
    static final int KEPT_IDLE_TOTALS = 1024;
    private final int on;
    private final int off;
    private final String holding;
    private final WakeDecision[] idle;
    private boolean active;

    /** Wakes at a total of at least {@code on}; re-arms at {@code off} or below ({@code off < on}). */
    public ThresholdHysteresisPolicy(int on, int off) {
        if (on <= 0 || off < 0 || off >= on) {
            throw new IllegalArgumentException("need 0 <= off < on, got on=" + on + " off=" + off);
        }
        this.on = on;
        this.off = off;
        this.holding = "holding until <= " + off;
        this.idle = new WakeDecision[Math.min(on, KEPT_IDLE_TOTALS)];
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
        if (active) {
            return WakeDecision.quiet(true, RULE, total, off, holding);
        }
        if (total >= 0 && total < idle.length) {
            WakeDecision d = idle[total];
            if (d == null) {
                d = WakeDecision.quiet(false, RULE, total, on, "");
                idle[total] = d;
            }
            return d;
        }
        return WakeDecision.quiet(false, RULE, total, on, "");
    }

    @Override
    public void reset() {
        active = false;
    }
}
