package dev.vigil.sensors.encode;

/**
 * What {@link DvsEventFilter} does, stage by stage; a stage with its parameter at 0 is off.
 *
 * @param roiX0          region of interest, first column kept (inclusive)
 * @param roiY0          first row kept
 * @param roiX1          last column kept (inclusive); -1 = to the sensor's edge
 * @param roiY1          last row kept; -1 = to the edge
 * @param hotPixelWindowUs   period over which each pixel's events are counted (0 = off)
 * @param hotPixelMaxEvents  a pixel with more events than this in one period is blocked for the next
 * @param refractoryUs   minimum time between two kept events of one pixel (0 = off)
 * @param backgroundUs   background-activity filter: keep an event only if one of its 8 neighbours had an
 *                       event within this time before it (0 = off)
 * @param downsampleShift divide coordinates by {@code 2^shift} after filtering (0 = full resolution)
 */
public record DvsFilterSettings(int roiX0, int roiY0, int roiX1, int roiY1, long hotPixelWindowUs,
                                int hotPixelMaxEvents, long refractoryUs, long backgroundUs, int downsampleShift) {

    public DvsFilterSettings {
        if (roiX0 < 0 || roiY0 < 0 || (roiX1 >= 0 && roiX1 < roiX0) || (roiY1 >= 0 && roiY1 < roiY0)) {
            throw new IllegalArgumentException("region of interest " + roiX0 + "," + roiY0 + ".." + roiX1 + "," + roiY1
                    + " is empty or negative");
        }
        if (hotPixelWindowUs < 0 || hotPixelMaxEvents < 0 || refractoryUs < 0 || backgroundUs < 0) {
            throw new IllegalArgumentException("filter times and counts must not be negative");
        }
        if (hotPixelWindowUs > 0 && hotPixelMaxEvents == 0) {
            throw new IllegalArgumentException("hot-pixel filter needs a positive event limit");
        }
        if (downsampleShift < 0 || downsampleShift > 8) {
            throw new IllegalArgumentException("downsample shift must be 0..8, got " + downsampleShift);
        }
    }

    /** Everything off: every event passes unchanged. */
    public static DvsFilterSettings none() {
        return new DvsFilterSettings(0, 0, -1, -1, 0, 0, 0, 0, 0);
    }

    /** A copy with the background-activity filter at {@code us}. */
    public DvsFilterSettings withBackgroundUs(long us) {
        return new DvsFilterSettings(roiX0, roiY0, roiX1, roiY1, hotPixelWindowUs, hotPixelMaxEvents, refractoryUs, us, downsampleShift);
    }

    /** True when no stage is on. */
    public boolean passThrough() {
        return roiX0 == 0 && roiY0 == 0 && roiX1 < 0 && roiY1 < 0 && hotPixelWindowUs == 0 && refractoryUs == 0
                && backgroundUs == 0 && downsampleShift == 0;
    }
}
