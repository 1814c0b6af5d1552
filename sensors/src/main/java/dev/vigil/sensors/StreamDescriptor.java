package dev.vigil.sensors;

import java.util.Objects;

/**
 * Describes one stream of a source.
 *
 * @param id         stream number, unique within a source
 * @param kind       what the stream carries
 * @param name       a human name, e.g. the sensor's model
 * @param width      event-camera width in pixels (0 for sampled streams)
 * @param height     event-camera height in pixels (0 for sampled streams)
 * @param sampleRate samples per second per channel (0 for event streams)
 * @param channels   channels or axes per frame (0 for event streams)
 * @param units      physical unit of samples, e.g. {@code "FS"} (full scale) or {@code "m/s^2"}
 */
public record StreamDescriptor(int id, StreamKind kind, String name, int width, int height,
                               double sampleRate, int channels, String units) {

    public StreamDescriptor {
        Objects.requireNonNull(kind, "kind");
        name = name == null ? "" : name;
        units = units == null ? "" : units;
        if (id < 0 || id > 0xFFFF) {
            throw new IllegalArgumentException("stream id " + id + " outside 0..65535");
        }
        if (kind == StreamKind.DVS && (width <= 0 || height <= 0)) {
            throw new IllegalArgumentException("DVS stream " + id + " needs a positive resolution, got "
                    + width + "x" + height);
        }
        if ((kind == StreamKind.AUDIO || kind == StreamKind.VIBRATION) && (sampleRate <= 0 || channels <= 0)) {
            throw new IllegalArgumentException(kind.label() + " stream " + id
                    + " needs a positive sample rate and channel count, got " + sampleRate + " Hz, " + channels);
        }
    }

    /** An event-camera stream. */
    public static StreamDescriptor dvs(int id, String name, int width, int height) {
        return new StreamDescriptor(id, StreamKind.DVS, name, width, height, 0, 0, "");
    }

    /** A sampled stream (audio or vibration). */
    public static StreamDescriptor sampled(int id, StreamKind kind, String name, double sampleRate,
                                           int channels, String units) {
        return new StreamDescriptor(id, kind, name, 0, 0, sampleRate, channels, units);
    }

    /** A stream of detections written as JSON lines. */
    public static StreamDescriptor detections(int id) {
        return new StreamDescriptor(id, StreamKind.DETECTIONS, "detections", 0, 0, 0, 0, "");
    }
}
