package dev.vigil.runtime.config;

import static dev.vigil.runtime.config.BadValueException.inRange;

/**
 * The adaptive noise floor of a filterbank whose spikes are {@code above-floor}: each band's floor
 * follows its level upwards over {@code riseMs} and downwards over {@code fallMs}; a band spikes once
 * per {@code spikeDbMs} dB·ms it stands above floor + {@code marginDb}.
 */
public record AdaptiveFloorConfig(double marginDb, double riseMs, double fallMs, double spikeDbMs) {
    /** The defaults: 9 dB margin, 1 s rise, 50 ms fall, 100 dB·ms per spike. */
    public static final AdaptiveFloorConfig DEFAULTS = new AdaptiveFloorConfig(9, 1000, 50, 100);

    public AdaptiveFloorConfig {
        inRange("margin-db", marginDb, 0, 60);
        inRange("rise-ms", riseMs, 1, 600_000);
        inRange("fall-ms", fallMs, 1, 600_000);
        inRange("spike-db-ms", spikeDbMs, 0.01, 1e6);
    }
}
