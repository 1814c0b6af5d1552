package dev.vigil.wake;

/**
 * A wake budget as a token bucket: holds up to {@code burst} tokens, refilled at {@code maxPerHour}
 * tokens per hour of device time; each wake of the inner rule spends one, and a wake with no token
 * left is refused and counted. Arithmetic is in exact integers (one token = 3.6e9 units, refill of
 * {@code maxPerHour} units per µs), so the same input always gives the same decisions.
 */
public final class WakeBudgetPolicy implements WakePolicy {
    /** Rule name carried in refusals. */
    public static final String RULE = "wake-budget";
    private static final long TOKEN = 3_600_000_000L;
    private final WakePolicy inner;
    private final long perHour;
    private final long capacity;
    private long units;
    private long lastUs = Long.MIN_VALUE;
    private long refused;

    /** At most {@code maxPerHour} wakes per hour on average, {@code burst} at once; both positive. */
    public WakeBudgetPolicy(WakePolicy inner, int maxPerHour, int burst) {
        if (maxPerHour <= 0 || burst <= 0) {
            throw new IllegalArgumentException("wake budget needs positive max per hour and burst, got " + maxPerHour + ", " + burst);
        }
        this.inner = inner;
        this.perHour = maxPerHour;
        this.capacity = burst * TOKEN;
        this.units = capacity;
    }

    @Override
    public WakeDecision decide(long timeUs, int[] counts) {
        if (lastUs != Long.MIN_VALUE && timeUs > lastUs) {
            long elapsed = timeUs - lastUs;
            units = elapsed >= capacity / perHour ? capacity : Math.min(capacity, units + elapsed * perHour);
        }
        lastUs = Math.max(lastUs, timeUs);
        WakeDecision d = inner.decide(timeUs, counts);
        if (!d.wake()) {
            return d;
        }
        if (units < TOKEN) {
            refused++;
            long waitS = (TOKEN - units + perHour - 1) / perHour / 1_000_000;
            return d.refusedBy(WakeDecision.Outcome.REFUSED_BUDGET, RULE, "refused, budget of " + perHour + "/h spent, next token in " + waitS + " s");
        }
        units -= TOKEN;
        return d;
    }

    /** Whole tokens left now. */
    public long tokens() {
        return units / TOKEN;
    }

    /** Wakes refused so far. */
    public long refused() {
        return refused;
    }

    @Override
    public void reset() {
        inner.reset();
        units = capacity;
        lastUs = Long.MIN_VALUE;
        refused = 0;
    }
}
