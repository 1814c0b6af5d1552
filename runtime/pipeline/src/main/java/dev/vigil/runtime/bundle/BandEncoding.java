package dev.vigil.runtime.bundle;

import dev.vigil.runtime.config.AdaptiveFloorConfig;
import dev.vigil.runtime.config.BandSensorConfig;
import dev.vigil.runtime.config.EnvelopeConfig;
import dev.vigil.sensors.encode.BandSpikes;

/**
 * A sampled stream (audio, vibration) as filterbank spikes: as many log-spaced bands as the front end's
 * input holds (after the envelope encoder's channels), with these settings (see {@code docs/config.md}).
 *
 * @param spikes       rise and fall channels per band, rise only, or above the adaptive floor
 * @param minHz        centre of the lowest band
 * @param maxHz        centre of the highest band
 * @param deltaDb      level change per spike
 * @param floorDb      level below which a band is silent
 * @param smoothingMs  envelope smoothing
 * @param refractoryMs minimum time between two spikes of a channel
 * @param fixedPoint   integer filterbank
 * @param adaptiveFloor the adaptive floor of {@code above-floor} spikes (absent in bundles written before it:
 *                     {@link AdaptiveFloorConfig#DEFAULTS})
 * @param envelope     the bearing envelope encoder, whose channels follow the bands'
 */
public record BandEncoding(BandSpikes spikes, double minHz, double maxHz, double deltaDb, double floorDb,
                           double smoothingMs, double refractoryMs, boolean fixedPoint, AdaptiveFloorConfig adaptiveFloor,
                           EnvelopeConfig envelope)
        implements EncoderSettings {
    /** The bundle's name for this kind. */
    public static final String KIND = "bands";

    public BandEncoding {
        if (spikes == null || envelope == null) {
            throw new IllegalArgumentException("band encoding needs a spike mode and envelope settings");
        }
        if (adaptiveFloor == null) {
            adaptiveFloor = AdaptiveFloorConfig.DEFAULTS;
        }
    }

    /** The settings {@code c} holds. */
    public static BandEncoding of(BandSensorConfig c) {
        return new BandEncoding(c.spikes(), c.minHz(), c.maxHz(), c.deltaDb(), c.floorDb(), c.smoothingMs(), c.refractoryMs(),
                c.fixedPoint(), c.adaptiveFloor(), c.envelope());
    }

    @Override
    public String kind() {
        return KIND;
    }
}
