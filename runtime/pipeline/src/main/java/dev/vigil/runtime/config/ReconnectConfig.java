package dev.vigil.runtime.config;

import static dev.vigil.runtime.config.BadValueException.inRange;

/**
 * Exponential backoff with full jitter between connection attempts: attempt {@code n} waits a random
 * time in {@code [0, min(max-ms, initial-ms * 2^n)]}.
 *
 * @param initialMs first backoff ceiling
 * @param maxMs     largest backoff ceiling
 */
public record ReconnectConfig(int initialMs, int maxMs) {
    public ReconnectConfig {
        inRange("initial-ms", initialMs, 10, 600_000);
        inRange("max-ms", maxMs, 10, 3_600_000);
        if (maxMs < initialMs) {
            throw new BadValueException("max-ms", maxMs, "must not be below initial-ms (" + initialMs + ")");
        }
    }
}
