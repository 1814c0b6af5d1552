package dev.vigil.runtime.bundle;

import dev.vigil.runtime.config.DvsConfig;
import dev.vigil.runtime.config.DvsFilterConfig;
import dev.vigil.sensors.encode.GridFit;

/**
 * The event camera as the front end's polarity × H × W input: events cleaned by {@code filter}, then
 * laid onto the H × W grid of the input shape as {@code fit} says.
 *
 * @param fit    crop (square cells, centred in the region of interest) or stretch (each axis scaled)
 * @param filter region of interest, hot-pixel, refractory and background filters, downsampling
 */
public record EventEncoding(GridFit fit, DvsFilterConfig filter) implements EncoderSettings {
    /** The bundle's name for this kind. */
    public static final String KIND = "events";

    public EventEncoding {
        if (fit == null || filter == null) {
            throw new IllegalArgumentException("event encoding needs a fit and a filter");
        }
    }

    /** The settings {@code c} holds, with {@code fit}. */
    public static EventEncoding of(DvsConfig c, GridFit fit) {
        return new EventEncoding(fit, c.filter());
    }

    @Override
    public String kind() {
        return KIND;
    }
}
