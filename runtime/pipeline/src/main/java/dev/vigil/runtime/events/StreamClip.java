package dev.vigil.runtime.events;

import dev.vigil.sensors.Batch;
import dev.vigil.sensors.StreamDescriptor;
import dev.vigil.sensors.StreamKind;

import java.io.IOException;
import java.nio.file.Path;

/**
 * One stream's clip: a fixed ring of its most recent input (the pre-trigger span and {@link #LATE_US}), filled without
 * allocating, and, while an event is open, a copy of everything from the event's pre-trigger start on,
 * which {@link #writeTo} saves. Copies only on an event.
 */
sealed interface StreamClip permits SampleClip, DvsClip {
    /**
     * How late, at most, an event's start is told after its input arrived (window length, post-trigger
     * span, batch size): the ring keeps this much beyond the pre-trigger span.
     */
    long LATE_US = 2_000_000;

    /** A clip of a stream of {@code kind} keeping {@code preUs} before an event, at most {@code maxBytes} per clip. */
    static StreamClip of(StreamDescriptor stream, long preUs, long maxBytes) {
        return stream.kind() == StreamKind.DVS ? new DvsClip(stream, maxBytes) : new SampleClip(stream, preUs, maxBytes);
    }

    /** Takes one batch of the stream. */
    void add(Batch batch);

    /** Starts copying: what the ring holds from device time {@code fromUs} on, then every new batch. */
    void begin(long fromUs);

    /** Whether an event is being copied. */
    boolean recording();

    /** The file name extension, e.g. {@code wav}. */
    String extension();

    /** Writes what was copied to {@code file} and stops copying. */
    void writeTo(Path file) throws IOException;
}
