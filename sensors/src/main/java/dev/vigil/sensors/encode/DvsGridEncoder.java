package dev.vigil.sensors.encode;

import dev.vigil.sensors.Batch;
import dev.vigil.sensors.EventBatch;

/**
 * Maps event-camera events onto a coarse grid: channel {@code p * gx * gy + gy_i * gx + gx_i}, where
 * the sensor is divided into {@code gx} × {@code gy} cells. Each event is one spike (downsampling by
 * routing, as a sum-pooling layer would).
 */
public final class DvsGridEncoder implements SpikeEncoder {
    private final int width;
    private final int height;
    private final int gx;
    private final int gy;

    /** A grid of {@code gx} × {@code gy} cells over a {@code width} × {@code height} sensor. */
    public DvsGridEncoder(int width, int height, int gx, int gy) {
        if (gx <= 0 || gy <= 0 || gx > width || gy > height) {
            throw new IllegalArgumentException("grid " + gx + "x" + gy + " does not fit a " + width + "x" + height + " sensor");
        }
        this.width = width;
        this.height = height;
        this.gx = gx;
        this.gy = gy;
    }

    @Override
    public int channels() {
        return 2 * gx * gy;
    }

    @Override
    public void encode(Batch batch, SpikeSink sink) {
        if (!(batch instanceof EventBatch e)) {
            return;
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
        return "event grid " + gx + "x" + gy + " x 2 polarities over " + width + "x" + height;
    }
}
