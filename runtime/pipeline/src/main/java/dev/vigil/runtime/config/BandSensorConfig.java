package dev.vigil.runtime.config;

import dev.vigil.sensors.encode.BandSpikes;

import static dev.vigil.runtime.config.BadValueException.inRange;

/**
 * A sampled lane (audio or vibration): band-pass filterbank whose spikes ({@code spikes}) are either
 * log-domain delta spikes (in floating point, or in integer arithmetic when {@code fixedPoint}), rising
 * and falling or rising only, or spikes of each band's level above its adaptive noise floor
 * ({@code above-floor}, settings in {@code adaptiveFloor}; floating point only), optionally with the
 * bearing envelope encoder alongside. {@code bands} sets the built-in front end's filterbank; a model's
 * input size sets its own.
 */
public record BandSensorConfig(boolean enabled, int bands, double minHz, double maxHz, double deltaDb,
                               double floorDb, double smoothingMs, double refractoryMs, boolean fixedPoint, BandSpikes spikes,
                               AdaptiveFloorConfig adaptiveFloor, EnvelopeConfig envelope, WakeConfig wake) {
    public BandSensorConfig {
        if (spikes == null) {
            throw new BadValueException("spikes", null, "use one of " + ConfigNames.allowed(BandSpikes.class));
        }
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
        if (adaptiveFloor == null) {
            throw new BadValueException("adaptive-floor", null, "give margin-db, rise-ms, fall-ms and spike-db-ms");
        }
        if (fixedPoint && spikes == BandSpikes.ABOVE_FLOOR) {
            throw new BadValueException("fixed-point", true, "the integer filterbank gives delta spikes only: set spikes to"
                    + " rise-fall or rise with fixed-point, or fixed-point: false with above-floor");
        }
    }

    /** A copy that wakes by {@code newWake}. */
    public BandSensorConfig withWake(WakeConfig newWake) {
        return new BandSensorConfig(enabled, bands, minHz, maxHz, deltaDb, floorDb, smoothingMs, refractoryMs, fixedPoint, spikes,
                adaptiveFloor, envelope, newWake);
    }
}
