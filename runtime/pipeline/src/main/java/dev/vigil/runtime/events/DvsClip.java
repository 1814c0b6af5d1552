package dev.vigil.runtime.events;

import dev.vigil.sensors.Batch;
import dev.vigil.sensors.EventBatch;
import dev.vigil.sensors.StreamDescriptor;
import dev.vigil.sensors.vlog.VlogWriter;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * An event camera's clip, as a Vigil recording ({@code .vlog}) of its one stream; the ring keeps the
 * last {@value #RING} events.
 */
final class DvsClip implements StreamClip {
    /** Events the ring keeps before an event (about 3.4 MB). */
    static final int RING = 1 << 18;
    /** Bytes one event takes in memory: time, x, y, polarity. */
    private static final int EVENT_BYTES = 13;
    private final StreamDescriptor stream;
    private final long[] t = new long[RING];
    private final short[] x = new short[RING];
    private final short[] y = new short[RING];
    private final byte[] p = new byte[RING];
    private final long maxEvents;
    private int head;
    private int held;
    private EventBatch copy;
    private boolean recording;

    DvsClip(StreamDescriptor stream, long maxBytes) {
        this.stream = stream;
        this.maxEvents = Math.max(1, maxBytes / EVENT_BYTES);
    }

    @Override
    public void add(Batch batch) {
        if (!(batch instanceof EventBatch b)) {
            return;
        }
        for (int i = 0; i < b.size(); i++) {
            if (recording && copy.size() < maxEvents) {
                copy.add(b.t(i), b.x(i), b.y(i), b.p(i));
            }
            t[head] = b.t(i);
            x[head] = (short) b.x(i);
            y[head] = (short) b.y(i);
            p[head] = (byte) b.p(i);
            head = (head + 1) % RING;
            held = Math.min(held + 1, RING);
        }
    }

    @Override
    public void begin(long fromUs) {
        copy = new EventBatch(stream, 4096);
        recording = true;
        int oldest = (head - held + RING) % RING;
        for (int k = 0; k < held && copy.size() < maxEvents; k++) {
            int j = (oldest + k) % RING;
            if (t[j] >= fromUs) {
                copy.add(t[j], x[j] & 0xFFFF, y[j] & 0xFFFF, p[j]);
            }
        }
    }

    @Override
    public boolean recording() {
        return recording;
    }

    @Override
    public String extension() {
        return "vlog";
    }

    @Override
    public void writeTo(Path file) throws IOException {
        recording = false;
        try (VlogWriter w = new VlogWriter(file, List.of(stream))) {
            if (copy.size() > 0) {
                w.write(copy);
            }
        }
        copy = null;
    }
}
