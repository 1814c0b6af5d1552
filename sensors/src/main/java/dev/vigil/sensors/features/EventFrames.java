package dev.vigil.sensors.features;

import java.util.Arrays;

/**
 * Polarity event-count frames of a time span of an {@link EventRing}, computed when asked (on a wake)
 * into the caller's array as {@code 2 × height × width}, channel-major: channel 0 counts OFF events,
 * channel 1 ON events, {@code out[(polarity * height + row) * width + column]}. Events outside the
 * region of interest are not counted; the rest fall in the cell {@code ((x - roiX) / factor, (y -
 * roiY) / factor)}. Nothing is allocated.
 */
public final class EventFrames {
    private final EventFrameSettings settings;

    /** Frames as {@code settings} say. */
    public EventFrames(EventFrameSettings settings) {
        this.settings = settings;
    }

    /** The settings. */
    public EventFrameSettings settings() {
        return settings;
    }

    /**
     * Counts the events of {@code ring} with {@code fromUs <= t < toUs} into {@code out} (length at least
     * {@link EventFrameSettings#size()}); returns how many were counted.
     */
    public int compute(EventRing ring, long fromUs, long toUs, int[] out) {
        EventFrameSettings s = settings;
        int w = s.width();
        int h = s.height();
        Arrays.fill(out, 0, s.size(), 0);
        int counted = 0;
        long newest = ring.written();
        for (long i = newest - 1; i >= newest - ring.size(); i--) {
            int slot = ring.slot(i);
            long t = ring.timeAt(slot);
            if (t < fromUs) {
                break;
            }
            if (t >= toUs) {
                continue;
            }
            int dx = ring.xAt(slot) - s.roiX();
            int dy = ring.yAt(slot) - s.roiY();
            if (dx < 0 || dy < 0 || dx >= s.roiWidth() || dy >= s.roiHeight()) {
                continue;
            }
            int polarity = ring.polarityAt(slot) == 0 ? 0 : 1;
            out[(polarity * h + dy / s.factor()) * w + dx / s.factor()]++;
            counted++;
        }
        return counted;
    }
}
