package dev.vigil.drivers.sensor;

import dev.vigil.sensors.StreamDescriptor;

/**
 * A chip (or line) that yields frames of samples. Holds its bus, given in the constructor, and
 * reuses its buffers: reading allocates nothing.
 */
public interface FrameReader {

    /** The stream this reader yields, with its actual sample rate and units. */
    StreamDescriptor stream();

    /** (Re)initialises the device: checks its identity and writes its configuration. */
    void start() throws BusException;

    /**
     * Reads up to {@code maxFrames} frames that are ready now into {@code dest} starting at frame
     * {@code offsetFrames} (interleaved channels, in the stream's units); returns the number read,
     * 0 if none is ready yet. Readers without a hardware buffer pace themselves and block.
     */
    int read(float[] dest, int offsetFrames, int maxFrames) throws BusException;

    /**
     * How long to wait before {@code frames} more frames are worth reading: never longer than it
     * takes the device's buffer to half fill. Readers that block in {@link #read} return 0.
     */
    default long nanosUntil(int frames) {
        return (long) Math.ceil(frames * 1e9 / stream().sampleRate());
    }

    /** FIFO overruns (samples lost) noticed so far, never decreasing. */
    default long overruns() {
        return 0;
    }

    /** Puts the device in standby; errors are logged, not thrown. */
    void stop();

    /** A name for logs and health, e.g. {@code "adxl345 i2c-1@0x53"}. */
    String name();
}
