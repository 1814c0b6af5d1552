package dev.vigil.sensors;

import java.util.Arrays;

/**
 * Consecutive frames of a sampled stream (audio or vibration), channels interleaved, as floats in the
 * stream's units. Frame {@code i} was taken at {@code startUs + i * 1e6 / sampleRate}. Reused by its
 * source.
 */
public final class SampleBatch implements Batch {
    private StreamDescriptor stream;
    private float[] samples;
    private int frames;
    private long startUs;

    /** An empty batch for {@code stream} with room for {@code frameCapacity} frames. */
    public SampleBatch(StreamDescriptor stream, int frameCapacity) {
        this.stream = stream;
        this.samples = new float[Math.max(1, frameCapacity) * Math.max(1, stream.channels())];
    }

    @Override
    public StreamDescriptor stream() {
        return stream;
    }

    /** Re-targets this batch at another stream and empties it. */
    public void reset(StreamDescriptor newStream) {
        this.stream = newStream;
        this.frames = 0;
    }

    /** Makes room for {@code frameCapacity} frames (contents are not kept). */
    public void ensureFrames(int frameCapacity) {
        int need = frameCapacity * Math.max(1, stream.channels());
        if (need > samples.length) {
            samples = new float[Math.max(need, samples.length + (samples.length >> 1))];
        }
    }

    /** Declares the batch holds {@code frameCount} frames starting at {@code startTimeUs}. */
    public void set(long startTimeUs, int frameCount) {
        int need = frameCount * Math.max(1, stream.channels());
        if (frameCount < 0 || need > samples.length) {
            throw new IllegalArgumentException("frame count " + frameCount + " does not fit the batch");
        }
        this.startUs = startTimeUs;
        this.frames = frameCount;
    }

    /** Interleaved samples (backing array); frame {@code i}, channel {@code c} is at {@code i*channels+c}. */
    public float[] samples() {
        return samples;
    }

    /** Channels per frame. */
    public int channels() {
        return stream.channels();
    }

    /** Sample rate in Hz. */
    public double sampleRate() {
        return stream.sampleRate();
    }

    /** Device time of the first frame in µs. */
    public long startUs() {
        return startUs;
    }

    /** Device time of frame {@code i} in µs. */
    public long timeOf(int frame) {
        return startUs + (long) Math.floor(frame * 1e6 / stream.sampleRate());
    }

    @Override
    public int size() {
        return frames;
    }

    @Override
    public long firstTimeUs() {
        return startUs;
    }

    @Override
    public long lastTimeUs() {
        return frames == 0 ? startUs : timeOf(frames - 1);
    }

    /** A copy of the valid samples, for tests and tools (allocates). */
    public float[] copyOfSamples() {
        return Arrays.copyOf(samples, frames * channels());
    }

    /** A batch of its own holding the valid frames, for tools that keep batches (allocates). */
    public SampleBatch copy() {
        SampleBatch c = new SampleBatch(stream(), Math.max(1, frames));
        System.arraycopy(samples, 0, c.samples, 0, frames * channels());
        c.set(startUs, frames);
        return c;
    }

    /** Moves the batch {@code us} later in device time. */
    public void shiftTime(long us) {
        set(startUs + us, frames);
    }
}
