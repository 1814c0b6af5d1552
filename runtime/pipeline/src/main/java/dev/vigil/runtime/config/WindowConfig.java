package dev.vigil.runtime.config;

import static dev.vigil.runtime.config.BadValueException.inRange;

/** Spike-count window: its length and the hop between windows, both multiples of the timestep. */
public record WindowConfig(int lengthMs, int hopMs) {
    public WindowConfig {
        inRange("length-ms", lengthMs, 1, 3_600_000);
        inRange("hop-ms", hopMs, 1, 3_600_000);
        if (lengthMs % hopMs != 0) {
            throw new BadValueException("length-ms", lengthMs, "must be a whole multiple of hop-ms (" + hopMs + ")");
        }
    }
}
