package dev.vigil.wake;

/**
 * After a wake, refuses further wakes of the inner rule for {@code cooldownUs}; refusals are counted
 * and their decisions say so.
 */
public final class CooldownPolicy implements WakePolicy {
    /** Rule name carried in refusals. */
    public static final String RULE = "cooldown";
    private final WakePolicy inner;
    private final long cooldownUs;
    private long lastWakeUs = Long.MIN_VALUE;
    private long refused;

    /** Wraps {@code inner} with a cooldown of {@code cooldownUs} (> 0). */
    public CooldownPolicy(WakePolicy inner, long cooldownUs) {
        if (cooldownUs <= 0) {
            throw new IllegalArgumentException("cooldown must be positive, got " + cooldownUs + " us");
        }
        this.inner = inner;
        this.cooldownUs = cooldownUs;
    }

    @Override
    public WakeDecision decide(long timeUs, int[] counts) {
        WakeDecision d = inner.decide(timeUs, counts);
        if (!d.wake()) {
            return d;
        }
        if (lastWakeUs != Long.MIN_VALUE && timeUs - lastWakeUs < cooldownUs) {
            refused++;
            return d.refusedBy(WakeDecision.Outcome.REFUSED_COOLDOWN, RULE, "refused, " + (timeUs - lastWakeUs) / 1000 + " ms since last wake < " + cooldownUs / 1000 + " ms");
        }
        lastWakeUs = timeUs;
        return d;
    }

    /** Wakes refused so far. */
    public long refused() {
        return refused;
    }

    @Override
    public void reset() {
        inner.reset();
        lastWakeUs = Long.MIN_VALUE;
        refused = 0;
    }
}
