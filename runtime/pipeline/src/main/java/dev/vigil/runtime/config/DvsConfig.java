package dev.vigil.runtime.config;

import dev.vigil.sensors.encode.GridFit;

import static dev.vigil.runtime.config.BadValueException.inRange;

/**
 * Event-camera lane: events are cleaned by {@code filter}, then routed onto a grid per polarity: the
 * built-in front end's {@code gridX} × {@code gridY} cells stretched over the frame, a model's input
 * (polarity × H × W) laid on as {@code fit} says.
 */
public record DvsConfig(boolean enabled, int gridX, int gridY, GridFit fit, DvsFilterConfig filter, WakeConfig wake) {
    public DvsConfig {
        inRange("grid-x", gridX, 1, 1024);
        inRange("grid-y", gridY, 1, 1024);
        if (fit == null) {
            throw new BadValueException("fit", null, "use one of " + ConfigNames.allowed(GridFit.class));
        }
    }
}
