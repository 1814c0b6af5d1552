package dev.vigil.runtime.config;

import static dev.vigil.runtime.config.BadValueException.inRange;

/**
 * Event-camera cleaning before the grid; a stage at 0 is off. See {@code DvsEventFilter}.
 *
 * @param roiX0 first column kept
 * @param roiY0 first row kept
 * @param roiX1 last column kept (-1 = sensor edge)
 * @param roiY1 last row kept (-1 = sensor edge)
 * @param hotPixelWindowMs period over which each pixel's events are counted (0 = off)
 * @param hotPixelMaxEvents events per period above which a pixel is blocked for the next period
 * @param refractoryUs minimum time between two events of a pixel
 * @param backgroundUs background-activity filter support time
 * @param downsampleShift divide coordinates by 2^shift
 */
public record DvsFilterConfig(int roiX0, int roiY0, int roiX1, int roiY1, int hotPixelWindowMs, int hotPixelMaxEvents,
                              int refractoryUs, int backgroundUs, int downsampleShift) {
    public DvsFilterConfig {
        inRange("roi-x0", roiX0, 0, 65_535);
        inRange("roi-y0", roiY0, 0, 65_535);
        inRange("roi-x1", roiX1, -1, 65_535);
        inRange("roi-y1", roiY1, -1, 65_535);
        if (roiX1 >= 0 && roiX1 < roiX0) {
            throw new BadValueException("roi-x1", roiX1, "must be -1 or not below roi-x0 (" + roiX0 + ")");
        }
        if (roiY1 >= 0 && roiY1 < roiY0) {
            throw new BadValueException("roi-y1", roiY1, "must be -1 or not below roi-y0 (" + roiY0 + ")");
        }
        inRange("hot-pixel-window-ms", hotPixelWindowMs, 0, 3_600_000);
        inRange("hot-pixel-max-events", hotPixelMaxEvents, hotPixelWindowMs > 0 ? 1 : 0, 1_000_000_000);
        inRange("refractory-us", refractoryUs, 0, 10_000_000);
        inRange("background-us", backgroundUs, 0, 10_000_000);
        inRange("downsample-shift", downsampleShift, 0, 8);
    }
}
