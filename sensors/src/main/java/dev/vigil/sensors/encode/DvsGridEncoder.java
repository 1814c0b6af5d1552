package dev.vigil.sensors.encode;

import dev.vigil.sensors.Batch;
import dev.vigil.sensors.EventBatch;

/**
 * Maps event-camera events onto a coarse grid: channel {@code p * gx * gy + gy_i * gx + gx_i}, where
 * the sensor is divided into {@code gx} × {@code gy} cells. Each event is one spike (downsampling by
 * routing, as a sum-pooling layer would). An optional {@link DvsEventFilter} cleans events first (into a
 * reused batch); the grid then covers the filter's output resolution.
 */
public final class DvsGridEncoder implements SpikeEncoder {
    private final int width;
    private final int height;
    private final int gx;
    private final int gy;
    private final DvsEventFilter filter;
    private EventBatch filtered;

    /** A grid of {@code gx} × {@code gy} cells over a {@code width} × {@code height} sensor. */
    public DvsGridEncoder(int width, int height, int gx, int gy) {
        this(width, height, gx, gy, null);
    }

    /**
     * A grid over the output of {@code filter} (null = no filter); {@code width} × {@code height} is then
     * the filter's output resolution.
     */
    public DvsGridEncoder(int width, int height, int gx, int gy, DvsEventFilter filter) {
        if (gx <= 0 || gy <= 0 || gx > width || gy > height) {
            throw new IllegalArgumentException("grid " + gx + "x" + gy + " does not fit a " + width + "x" + height + " sensor");
        }
        this.width = width;
        this.height = height;
        this.gx = gx;
        this.gy = gy;
        this.filter = filter;
    }

    /** The event filter's counts, or null when there is no filter. */
    public DvsFilterCounts filterCounts() {
        return filter == null ? null : filter.counts();
    }

    @Override
    public int channels() {
        return 2 * gx * gy;
    }

    @Override
    public void encode(Batch batch, SpikeSink sink) {
        if (!(batch instanceof EventBatch raw)) {
            return;
        }
        EventBatch e = raw;
        if (filter != null) {
            if (filtered == null) {
                filtered = new EventBatch(raw.stream(), raw.size());
            }
            filtered.reset(raw.stream());
            filter.filter(raw, filtered);
            e = filtered;
        }
        int cells = gx * gy;
        for (int i = 0, n = e.size(); i < n; i++) {
            int x = e.x(i);
            int y = e.y(i);
            if (x >= width || y >= height) {
                continue;
            }
            int cell = (y * gy / height) * gx + (x * gx / width);
            sink.spike(e.t(i), e.p(i) * cells + cell);
        }
    }

    @Override
    public String describe() {
        return "event grid " + gx + "x" + gy + " x 2 polarities over " + width + "x" + height
                + (filter == null ? "" : ", filtered");
    }
}
