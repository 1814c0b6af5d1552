package dev.vigil.runtime.config;

import static dev.vigil.runtime.config.BadValueException.inRange;

/**
 * Threshold-with-hysteresis wake policy of one sensor: wake when a window holds at least
 * {@code onSpikes} readout spikes, re-arm once it holds {@code offSpikes} or fewer.
 */
public record WakeConfig(int onSpikes, int offSpikes) {
    public WakeConfig {
        inRange("on-spikes", onSpikes, 1, 1_000_000);
        inRange("off-spikes", offSpikes, 0, 1_000_000);
        if (offSpikes >= onSpikes) {
            throw new BadValueException("off-spikes", offSpikes, "must be below on-spikes (" + onSpikes + ")");
        }
    }
}
