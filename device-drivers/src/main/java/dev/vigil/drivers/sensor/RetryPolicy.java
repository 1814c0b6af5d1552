package dev.vigil.drivers.sensor;

import java.time.Duration;

/**
 * How a live source reacts to bus errors: {@code attempts} tries with exponential backoff from
 * {@code firstBackoff} capped at {@code maxBackoff}; then the sensor is marked unhealthy and
 * re-initialised every {@code recoveryInterval}.
 */
public record RetryPolicy(int attempts, Duration firstBackoff, Duration maxBackoff, Duration recoveryInterval) {

    /** Three tries 2, 4 ms apart, then a recovery attempt every 5 s. */
    public static final RetryPolicy DEFAULT =
            new RetryPolicy(3, Duration.ofMillis(2), Duration.ofMillis(100), Duration.ofSeconds(5));

    public RetryPolicy {
        if (attempts < 1) {
            throw new IllegalArgumentException("retry attempts must be at least 1, got " + attempts);
        }
        if (firstBackoff.isNegative() || maxBackoff.compareTo(firstBackoff) < 0 || recoveryInterval.isNegative()) {
            throw new IllegalArgumentException("retry durations must be non-negative with max >= first");
        }
    }

    /** Backoff before retry number {@code retry} (1-based). */
    public long backoffNanos(int retry) {
        long b = firstBackoff.toNanos() << Math.min(30, Math.max(0, retry - 1));
        return Math.min(b, maxBackoff.toNanos());
    }
}
