package dev.vigil.sensors.encode;

import dev.vigil.sensors.EventBatch;

import java.util.Arrays;

/**
 * Cleans event-camera events before they become spikes, in this order, each stage counted: region of
 * interest, hot-pixel filter, refractory filter, background-activity filter (Delbruck's nearest-neighbour
 * support test: an event survives only if one of its 8 neighbours fired within {@code backgroundUs}
 * before it; its own time is recorded either way), then downsampling by a power of two. State is one
 * timestamp and one counter per pixel, allocated once; filtering allocates nothing.
 */
public final class DvsEventFilter {
    private static final long NEVER = Long.MIN_VALUE / 4;
    private final DvsFilterSettings s;
    private final int width;
    private final int height;
    private final int x1;
    private final int y1;
    private final long[] lastKept;
    private final long[] lastSeen;
    private final int[] periodCount;
    private final boolean[] hot;
    private long periodStart = Long.MIN_VALUE;
    private long in;
    private long outsideRoi;
    private long hotDropped;
    private long refractoryDropped;
    private long backgroundDropped;
    private long kept;

    /** A filter for a {@code width} × {@code height} sensor. */
    public DvsEventFilter(int width, int height, DvsFilterSettings settings) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("sensor size must be positive, got " + width + "x" + height);
        }
        this.s = settings;
        this.width = width;
        this.height = height;
        this.x1 = settings.roiX1() < 0 ? width - 1 : Math.min(width - 1, settings.roiX1());
        this.y1 = settings.roiY1() < 0 ? height - 1 : Math.min(height - 1, settings.roiY1());
        int pixels = width * height;
        lastKept = new long[pixels];
        lastSeen = new long[pixels];
        Arrays.fill(lastKept, NEVER);
        Arrays.fill(lastSeen, NEVER);
        periodCount = new int[settings.hotPixelWindowUs() > 0 ? pixels : 0];
        hot = new boolean[periodCount.length];
    }

    /** Width of the output after downsampling. */
    public int outputWidth() {
        return ((width - 1) >> s.downsampleShift()) + 1;
    }

    /** Height of the output after downsampling. */
    public int outputHeight() {
        return ((height - 1) >> s.downsampleShift()) + 1;
    }

    /**
     * Filters {@code src} into {@code dst} (cleared first, its arrays reused). Events keep their time
     * and polarity; coordinates are downsampled.
     */
    public void filter(EventBatch src, EventBatch dst) {
        dst.clear();
        dst.ensureCapacity(src.size());
        long[] dt = dst.times();
        short[] dx = dst.xs();
        short[] dy = dst.ys();
        byte[] dp = dst.polarities();
        int n = 0;
        int shift = s.downsampleShift();
        for (int i = 0, size = src.size(); i < size; i++) {
            in++;
            int x = src.x(i);
            int y = src.y(i);
            long t = src.t(i);
            if (x < s.roiX0() || y < s.roiY0() || x > x1 || y > y1) {
                outsideRoi++;
                continue;
            }
            int px = y * width + x;
            if (periodCount.length > 0 && isHot(px, t)) {
                hotDropped++;
                continue;
            }
            if (s.refractoryUs() > 0 && t - lastKept[px] < s.refractoryUs()) {
                refractoryDropped++;
                continue;
            }
            if (s.backgroundUs() > 0) {
                boolean supported = supported(x, y, t);
                lastSeen[px] = t;
                if (!supported) {
                    backgroundDropped++;
                    continue;
                }
            }
            lastKept[px] = t;
            dt[n] = t;
            dx[n] = (short) (x >> shift);
            dy[n] = (short) (y >> shift);
            dp[n] = (byte) src.p(i);
            n++;
        }
        kept += n;
        dst.setSize(n);
    }

    private boolean isHot(int px, long t) {
        long w = s.hotPixelWindowUs();
        if (periodStart == Long.MIN_VALUE) {
            periodStart = t;
        }
        if (t - periodStart >= w) {
            for (int p = 0; p < periodCount.length; p++) {
                hot[p] = periodCount[p] > s.hotPixelMaxEvents();
                periodCount[p] = 0;
            }
            periodStart += (t - periodStart) / w * w;
        }
        periodCount[px]++;
        return hot[px];
    }

    private boolean supported(int x, int y, long t) {
        long horizon = t - s.backgroundUs();
        for (int yy = Math.max(0, y - 1), ye = Math.min(height - 1, y + 1); yy <= ye; yy++) {
            for (int xx = Math.max(0, x - 1), xe = Math.min(width - 1, x + 1); xx <= xe; xx++) {
                if ((xx != x || yy != y) && lastSeen[yy * width + xx] >= horizon) {
                    return true;
                }
            }
        }
        return false;
    }

    /** What has been dropped and kept so far. */
    public DvsFilterCounts counts() {
        return new DvsFilterCounts(in, outsideRoi, hotDropped, refractoryDropped, backgroundDropped, kept);
    }
}
