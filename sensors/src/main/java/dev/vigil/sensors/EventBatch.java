package dev.vigil.sensors;

import java.util.Arrays;

/**
 * Event-camera events in structure-of-arrays form: time in µs, x, y and polarity (0 = OFF, 1 = ON).
 * Reused by its source; the arrays grow but never shrink, and only the first {@link #size()} entries
 * are valid.
 */
public final class EventBatch implements Batch {
    private StreamDescriptor stream;
    private long[] t;
    private short[] x;
    private short[] y;
    private byte[] p;
    private int size;

    /** An empty batch for {@code stream} with room for {@code capacity} events. */
    public EventBatch(StreamDescriptor stream, int capacity) {
        this.stream = stream;
        int c = Math.max(16, capacity);
        t = new long[c];
        x = new short[c];
        y = new short[c];
        p = new byte[c];
    }

    @Override
    public StreamDescriptor stream() {
        return stream;
    }

    /** Re-targets this batch at another stream and empties it. */
    public void reset(StreamDescriptor newStream) {
        this.stream = newStream;
        this.size = 0;
    }

    /** Empties the batch, keeping its arrays. */
    public void clear() {
        size = 0;
    }

    /** Makes room for at least {@code capacity} events, keeping the contents. */
    public void ensureCapacity(int capacity) {
        if (capacity > t.length) {
            int c = Math.max(capacity, t.length + (t.length >> 1));
            t = Arrays.copyOf(t, c);
            x = Arrays.copyOf(x, c);
            y = Arrays.copyOf(y, c);
            p = Arrays.copyOf(p, c);
        }
    }

    /** Appends one event. */
    public void add(long timeUs, int px, int py, int polarity) {
        if (size == t.length) {
            ensureCapacity(size + 1);
        }
        t[size] = timeUs;
        x[size] = (short) px;
        y[size] = (short) py;
        p[size] = (byte) polarity;
        size++;
    }

    /** Sets the number of valid events after a bulk fill of the arrays. */
    public void setSize(int newSize) {
        if (newSize < 0 || newSize > t.length) {
            throw new IllegalArgumentException("size " + newSize + " outside 0.." + t.length);
        }
        size = newSize;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public long firstTimeUs() {
        return size == 0 ? 0 : t[0];
    }

    @Override
    public long lastTimeUs() {
        return size == 0 ? 0 : t[size - 1];
    }

    /** Timestamps in µs (backing array). */
    public long[] times() {
        return t;
    }

    /** x coordinates (backing array; read as unsigned 16-bit with {@link #x(int)}). */
    public short[] xs() {
        return x;
    }

    /** y coordinates (backing array). */
    public short[] ys() {
        return y;
    }

    /** Polarities (backing array). */
    public byte[] polarities() {
        return p;
    }

    /** Time of event {@code i} in µs. */
    public long t(int i) {
        return t[i];
    }

    /** x of event {@code i}. */
    public int x(int i) {
        return x[i] & 0xFFFF;
    }

    /** y of event {@code i}. */
    public int y(int i) {
        return y[i] & 0xFFFF;
    }

    /** Polarity of event {@code i}: 0 = OFF, 1 = ON. */
    public int p(int i) {
        return p[i];
    }

    /** A batch of its own holding the valid events, for tools that keep batches (allocates). */
    public EventBatch copy() {
        EventBatch c = new EventBatch(stream(), Math.max(1, size));
        System.arraycopy(t, 0, c.t, 0, size);
        System.arraycopy(x, 0, c.x, 0, size);
        System.arraycopy(y, 0, c.y, 0, size);
        System.arraycopy(p, 0, c.p, 0, size);
        c.size = size;
        return c;
    }

    /** Moves every event {@code us} later in device time. */
    public void shiftTime(long us) {
        for (int i = 0; i < size; i++) {
            t[i] += us;
        }
    }
}
