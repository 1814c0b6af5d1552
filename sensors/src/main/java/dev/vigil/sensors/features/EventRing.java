package dev.vigil.sensors.features;

import dev.vigil.sensors.EventBatch;

/**
 * The newest {@code capacity} events of an event camera in fixed arrays (time, x, y, polarity):
 * appending overwrites the oldest and allocates nothing. Events are kept in the order appended,
 * which for one camera is time order.
 */
public final class EventRing {
    private final long[] t;
    private final short[] x;
    private final short[] y;
    private final byte[] p;
    private long written;

    /** A ring holding the newest {@code capacity} events. */
    public EventRing(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("ring capacity must be positive, got " + capacity);
        }
        t = new long[capacity];
        x = new short[capacity];
        y = new short[capacity];
        p = new byte[capacity];
    }

    /** Events it holds at most. */
    public int capacity() {
        return t.length;
    }

    /** Events appended so far. */
    public long written() {
        return written;
    }

    /** Events held now. */
    public int size() {
        return (int) Math.min(written, t.length);
    }

    /** Time of the oldest event held, µs (0 when empty): spans starting earlier see only what is held. */
    public long oldestTimeUs() {
        return size() == 0 ? 0 : t[slot(written - size())];
    }

    /** Appends every event of {@code batch}. */
    public void append(EventBatch batch) {
        long[] bt = batch.times();
        short[] bx = batch.xs();
        short[] by = batch.ys();
        byte[] bp = batch.polarities();
        int at = slot(written);
        for (int i = 0, n = batch.size(); i < n; i++) {
            t[at] = bt[i];
            x[at] = bx[i];
            y[at] = by[i];
            p[at] = bp[i];
            if (++at == t.length) {
                at = 0;
            }
        }
        written += batch.size();
    }

    /** Appends one event. */
    public void append(long timeUs, int px, int py, int polarity) {
        int at = slot(written++);
        t[at] = timeUs;
        x[at] = (short) px;
        y[at] = (short) py;
        p[at] = (byte) polarity;
    }

    int slot(long index) {
        return (int) (index % t.length);
    }

    long timeAt(int slot) {
        return t[slot];
    }

    int xAt(int slot) {
        return x[slot] & 0xFFFF;
    }

    int yAt(int slot) {
        return y[slot] & 0xFFFF;
    }

    int polarityAt(int slot) {
        return p[slot];
    }
}
