package dev.vigil.wake;

/**
 * Threshold with hysteresis on the window total <em>above a baseline</em> that follows slow
 * background drift: while quiet, the baseline moves toward each window's total by
 * {@code 1 / 2^shift} of the difference (an integer exponential average held in 1/256 units); while
 * salient it is frozen, so an event does not teach the baseline to ignore itself. Wakes and held
 * decisions name the baseline; an armed quiet window's decision does not (formatting it every window
 * would allocate while nothing happens).
 */
public final class AdaptiveBaselinePolicy implements WakePolicy {
    /** Rule name carried in decisions. */
    public static final String RULE = "adaptive-baseline";
    private final int on;
    private final int off;
    private final int shift;
    private long baseline256 = -1;
    private boolean active;

    /**
     * @param on    wake when the total exceeds the baseline by at least this
     * @param off   re-arm once the excess is at or below this ({@code off < on})
     * @param shift averaging shift: the baseline follows with a time constant of about {@code 2^shift} windows
     */
    public AdaptiveBaselinePolicy(int on, int off, int shift) {
        if (on <= 0 || off < 0 || off >= on || shift < 0 || shift > 20) {
            throw new IllegalArgumentException("need 0 <= off < on and shift 0..20, got on=" + on + " off=" + off + " shift=" + shift);
        }
        this.on = on;
        this.off = off;
        this.shift = shift;
    }

    @Override
    public WakeDecision decide(long timeUs, int[] counts) {
        int total = Counts.total(counts);
        if (baseline256 < 0) {
            baseline256 = (long) total << 8;
        }
        double base = baseline256 / 256.0;
        double excess = total - base;
        if (!active && excess >= on) {
            active = true;
            return WakeDecision.wake(RULE, excess, on, "baseline " + WakeDecision.fmt(base));
        }
        if (active && excess <= off) {
            active = false;
        }
        if (!active) {
            baseline256 += (((long) total << 8) - baseline256) >> shift;
        }
        return active ? WakeDecision.quiet(true, RULE, excess, off, "baseline " + WakeDecision.fmt(base))
                : WakeDecision.quiet(false, RULE, excess, on, "");
    }

    /** The current baseline in spikes per window. */
    public double baseline() {
        return Math.max(0, baseline256) / 256.0;
    }

    @Override
    public void reset() {
        baseline256 = -1;
        active = false;
    }
}
