package dev.vigil.runtime.config;

import static dev.vigil.runtime.config.BadValueException.inRange;

/**
 * Event-camera lane: events are cleaned by {@code filter}, then routed onto a {@code gridX} ×
 * {@code gridY} grid per polarity.
 */
public record DvsConfig(boolean enabled, int gridX, int gridY, DvsFilterConfig filter, WakeConfig wake) {
    public DvsConfig {
        inRange("grid-x", gridX, 1, 1024);
        inRange("grid-y", gridY, 1, 1024);
    }
}
