package dev.vigil.runtime.mqtt;

import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter: after the {@code n}-th failure in a row, wait a uniformly random
 * time in {@code [0, min(max, initial * 2^n)]}, so many devices that lost the same broker do not all
 * come back at once.
 */
public final class Backoff {
    private final long initialMs;
    private final long maxMs;
    private final RandomGenerator random;
    private int failures;

    /** Backoff between {@code initialMs} and {@code maxMs} ceilings, drawing from {@code random}. */
    public Backoff(long initialMs, long maxMs, RandomGenerator random) {
        this.initialMs = initialMs;
        this.maxMs = maxMs;
        this.random = random;
    }

    /** The ceiling of the next wait. */
    public long ceilingMs() {
        return Math.min(maxMs, initialMs << Math.min(failures, 30));
    }

    /** Records a failure and returns how long to wait before the next attempt. */
    public long nextDelayMs() {
        long ceiling = ceilingMs();
        failures++;
        return random.nextLong(ceiling + 1);
    }

    /** Forgets past failures after a success. */
    public void reset() {
        failures = 0;
    }

    /** Failures in a row so far. */
    public int failures() {
        return failures;
    }
}
