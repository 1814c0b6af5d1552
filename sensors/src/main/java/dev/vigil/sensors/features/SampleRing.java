package dev.vigil.sensors.features;

import dev.vigil.sensors.SampleBatch;

/**
 * The newest {@code capacity} samples of one channel of a sampled stream, in a fixed array: appending
 * overwrites the oldest and allocates nothing. Samples are numbered from 0 in the order appended;
 * features read a span ending at any sample still held.
 */
public final class SampleRing {
    private final float[] data;
    private long written;

    /** A ring holding the newest {@code capacity} samples. */
    public SampleRing(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("ring capacity must be positive, got " + capacity);
        }
        data = new float[capacity];
    }

    /** A ring holding {@code seconds} of a stream sampled at {@code sampleRate} Hz. */
    public static SampleRing forSpan(double seconds, double sampleRate) {
        return new SampleRing((int) Math.ceil(seconds * sampleRate));
    }

    /** Samples it holds at most. */
    public int capacity() {
        return data.length;
    }

    /** Samples appended so far (the number of the next one). */
    public long written() {
        return written;
    }

    /** Appends channel {@code channel} of every frame of {@code batch}. */
    public void append(SampleBatch batch, int channel) {
        float[] s = batch.samples();
        int channels = batch.channels();
        int at = (int) (written % data.length);
        for (int i = 0, n = batch.size(); i < n; i++) {
            data[at] = s[i * channels + channel];
            if (++at == data.length) {
                at = 0;
            }
        }
        written += batch.size();
    }

    /** Appends {@code samples[from .. from+count)}. */
    public void append(float[] samples, int from, int count) {
        int at = (int) (written % data.length);
        for (int i = 0; i < count; i++) {
            data[at] = samples[from + i];
            if (++at == data.length) {
                at = 0;
            }
        }
        written += count;
    }

    /**
     * Copies the {@code count} samples before sample number {@code end} (exclusive), oldest first, into
     * {@code dst[0 .. count)}; samples before the first appended read as 0.
     *
     * @throws IllegalArgumentException when the span reaches past the newest sample or before the oldest held
     */
    public void copy(long end, int count, float[] dst) {
        if (end > written || end - count < written - data.length || count > dst.length) {
            throw new IllegalArgumentException("samples " + (end - count) + " .. " + end + " are not all held (ring holds "
                    + Math.max(0, written - data.length) + " .. " + written + ")");
        }
        int i = 0;
        long from = end - count;
        for (; from + i < 0 && i < count; i++) {
            dst[i] = 0;
        }
        int at = (int) ((from + i) % data.length);
        for (; i < count; i++) {
            dst[i] = data[at];
            if (++at == data.length) {
                at = 0;
            }
        }
    }

    /** Copies the newest {@code count} samples, oldest first, into {@code dst[0 .. count)}. */
    public void copyLast(int count, float[] dst) {
        copy(written, count, dst);
    }
}
