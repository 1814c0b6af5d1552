package dev.vigil.runtime.events;

import dev.vigil.sensors.SensorSource;
import dev.vigil.sensors.StreamDescriptor;
import dev.vigil.sensors.StreamKind;
import org.tinylog.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Writes one clip per event and names it in the event's end. It sits between an {@link EventTracker}
 * and the listener that publishes, and sees the input through {@link #tap}: each stream's recent input
 * waits in a fixed ring (no allocation per sample); an event's start copies the ring from
 * {@code preUs} before the event's start on, and every batch until its end, which writes the clip to the
 * {@link ClipStore} (readable by its owner only) and prunes it. A clip that cannot be written is logged and the end goes out without one.
 */
public final class ClipRecorder implements EventListener {
    /** Clips may hold speech: only their owner reads them. */
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private final Map<Integer, StreamClip> clips = new HashMap<>();
    private final Map<String, StreamClip> open = new HashMap<>();
    private final ClipStore store;
    private final long preUs;
    private final EventListener next;
    private final LongSupplier wallClockMs;

    /**
     * Clips of {@code streams} (event camera, audio, vibration) into {@code store}, each starting
     * {@code preUs} before its event and holding at most {@code maxBytes} of input, handing events on to
     * {@code next}.
     */
    public ClipRecorder(List<StreamDescriptor> streams, ClipStore store, long preUs, long maxBytes, EventListener next,
                        LongSupplier wallClockMs) {
        for (StreamDescriptor s : streams) {
            if (s.kind() != StreamKind.DETECTIONS) {
                clips.put(s.id(), StreamClip.of(s, preUs, maxBytes));
            }
        }
        this.store = store;
        this.preUs = preUs;
        this.next = next;
        this.wallClockMs = wallClockMs;
    }

    /** {@code source}, whose batches this recorder sees before the pipeline does. */
    public SensorSource tap(SensorSource source) {
        return SensorSource.tapped(source, b -> {
            StreamClip c = clips.get(b.stream().id());
            if (c != null) {
                c.add(b);
            }
        });
    }

    @Override
    public void started(EventStart start) {
        StreamClip c = clips.get(start.stream());
        if (c != null && !c.recording()) {
            c.begin(start.startUs() - preUs);
            open.put(start.id(), c);
        }
        next.started(start);
    }

    @Override
    public void ended(EventEnd end) {
        StreamClip c = open.remove(end.id());
        String path = null;
        if (c != null) {
            Path file = store.fileFor(end.sensor(), end.id(), c.extension());
            try {
                Files.createDirectories(store.dir());
                c.writeTo(file);
                Files.setPosixFilePermissions(file, OWNER_ONLY);
                store.prune(file, wallClockMs.getAsLong());
                path = file.toAbsolutePath().toString();
            } catch (IOException | RuntimeException e) {
                Logger.error("The clip of event {} could not be written to {}: {}", end.id(), file, e.getMessage());
            }
        }
        next.ended(path == null ? end : end.withClip(path));
    }
}
