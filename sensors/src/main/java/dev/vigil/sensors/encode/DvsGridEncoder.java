package dev.vigil.sensors.encode;

import dev.vigil.sensors.Batch;
import dev.vigil.sensors.EventBatch;

import java.util.Arrays;

/**
 * Maps event-camera events onto a grid of {@code gx} × {@code gy} cells per polarity: channel
 * {@code p * gy * gx + row * gx + column}, polarity 0 = OFF, 1 = ON (with one polarity plane, both
 * land on it). This is the polarity × H × W input of a convolutional front end. Each event is one spike
 * (downsampling by routing, as a sum-pooling layer would). How pixels map to cells is a {@link GridFit},
 * held as one lookup table per axis. An optional {@link DvsEventFilter} cleans events first (into a
 * reused batch); the grid then covers the filter's output resolution.
 */
public final class DvsGridEncoder implements SpikeEncoder {
    private final int width;
    private final int height;
    private final int gx;
    private final int gy;
    private final int polarities;
    private final int[] column;
    private final int[] row;
    private final String layout;
    private final DvsEventFilter filter;
    private EventBatch filtered;

    /** A grid of {@code gx} × {@code gy} cells stretched over a {@code width} × {@code height} sensor. */
    public DvsGridEncoder(int width, int height, int gx, int gy) {
        this(width, height, gx, gy, null);
    }

    /**
     * A grid stretched over the output of {@code filter} (null = no filter); {@code width} × {@code height}
     * is then the filter's output resolution. The grid may not be finer than the sensor.
     */
    public DvsGridEncoder(int width, int height, int gx, int gy, DvsEventFilter filter) {
        this(width, height, gx, gy, 2, stretch(width, gx), stretch(height, gy),
                "over " + width + "x" + height, filter);
        if (gx > width || gy > height) {
            throw new IllegalArgumentException("grid " + gx + "x" + gy + " does not fit a " + width + "x" + height + " sensor");
        }
    }

    private DvsGridEncoder(int width, int height, int gx, int gy, int polarities, int[] column, int[] row, String layout,
                           DvsEventFilter filter) {
        if (gx <= 0 || gy <= 0 || width <= 0 || height <= 0) {
            throw new IllegalArgumentException("grid " + gx + "x" + gy + " over a " + width + "x" + height + " sensor");
        }
        if (polarities != 1 && polarities != 2) {
            throw new IllegalArgumentException("polarity planes must be 1 or 2, got " + polarities);
        }
        this.width = width;
        this.height = height;
        this.gx = gx;
        this.gy = gy;
        this.polarities = polarities;
        this.column = column;
        this.row = row;
        this.layout = layout;
        this.filter = filter;
    }

    /**
     * A grid of {@code polarities} planes of {@code gy} × {@code gx} cells laid onto a {@code width} ×
     * {@code height} frame by {@code fit}: {@link GridFit#STRETCH} over the whole frame, {@link GridFit#CROP}
     * centred in the region of columns {@code x0..x1} and rows {@code y0..y1} (inclusive).
     *
     * @throws IllegalArgumentException when a cropped grid does not fit the region, naming both
     */
    public static DvsGridEncoder fitted(int width, int height, int x0, int y0, int x1, int y1, int polarities, int gy,
                                        int gx, GridFit fit, DvsEventFilter filter) {
        if (fit == GridFit.STRETCH) {
            return new DvsGridEncoder(width, height, gx, gy, polarities, stretch(width, gx), stretch(height, gy),
                    "stretched over " + width + "x" + height, filter);
        }
        int rw = x1 - x0 + 1;
        int rh = y1 - y0 + 1;
        int k = Math.min(rw / gx, rh / gy);
        if (k == 0) {
            throw new IllegalArgumentException("a " + gx + "x" + gy + " grid does not fit the " + rw + "x" + rh + " region");
        }
        int cx = x0 + (rw - k * gx) / 2;
        int cy = y0 + (rh - k * gy) / 2;
        return new DvsGridEncoder(width, height, gx, gy, polarities, crop(width, cx, k, gx), crop(height, cy, k, gy),
                "from the centre " + k * gx + "x" + k * gy + " at (" + cx + "," + cy + ") of " + width + "x" + height
                        + (k > 1 ? ", 1/" + k : ""), filter);
    }

    private static int[] stretch(int size, int cells) {
        int[] lut = new int[size];
        for (int i = 0; i < size; i++) {
            lut[i] = (int) ((long) i * cells / size);
        }
        return lut;
    }

    private static int[] crop(int size, int start, int k, int cells) {
        int[] lut = new int[size];
        Arrays.fill(lut, -1);
        for (int i = Math.max(0, start); i < Math.min(size, start + k * cells); i++) {
            lut[i] = (i - start) / k;
        }
        return lut;
    }

    /** The event filter's counts, or null when there is no filter. */
    public DvsFilterCounts filterCounts() {
        return filter == null ? null : filter.counts();
    }

    @Override
    public int channels() {
        return polarities * gx * gy;
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
        int planes = polarities - 1;
        for (int i = 0, n = e.size(); i < n; i++) {
            int x = e.x(i);
            int y = e.y(i);
            if (x >= width || y >= height) {
                continue;
            }
            int c = column[x];
            int r = row[y];
            if (c < 0 || r < 0) {
                continue;
            }
            sink.spike(e.t(i), (e.p(i) & planes) * cells + r * gx + c);
        }
    }

    @Override
    public String describe() {
        return "event grid " + gx + "x" + gy + " x " + polarities + (polarities == 1 ? " polarity plane " : " polarities ")
                + layout + (filter == null ? "" : ", filtered");
    }
}
