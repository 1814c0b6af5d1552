package dev.vigil.runtime.config;

import static dev.vigil.runtime.config.BadValueException.inRange;

/**
 * A sampled lane (audio or vibration): band-pass filterbank with log-domain delta spikes (in
 * floating point, or in integer arithmetic when {@code fixedPoint}), optionally with the bearing
 * envelope encoder alongside.
 */
public record BandSensorConfig(boolean enabled, int bands, double minHz, double maxHz, double deltaDb,
                               double floorDb, double smoothingMs, double refractoryMs, boolean fixedPoint, EnvelopeConfig envelope,
                               WakeConfig wake) {
    public BandSensorConfig {
        inRange("bands", bands, 1, 64);
        inRange("min-hz", minHz, 0.1, 1e6);
        inRange("max-hz", maxHz, 0.1, 1e6);
        if (maxHz < minHz) {
            throw new BadValueException("max-hz", maxHz, "must not be below min-hz (" + minHz + ")");
        }
        inRange("delta-db", deltaDb, 0.01, 60);
        inRange("floor-db", floorDb, -200, 0);
        inRange("smoothing-ms", smoothingMs, 0.01, 10_000);
        inRange("refractory-ms", refractoryMs, 0, 10_000);
    }
}
