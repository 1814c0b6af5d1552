package dev.vigil.runtime.events;

import dev.vigil.sensors.Batch;
import dev.vigil.sensors.EventBatch;
import dev.vigil.sensors.SampleBatch;
import dev.vigil.sensors.SensorSource;
import dev.vigil.sensors.StreamDescriptor;
import dev.vigil.sensors.StreamKind;
import dev.vigil.sensors.vlog.VlogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.management.ThreadMXBean;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClipRecorderTest {
    private static final StreamDescriptor AUDIO = StreamDescriptor.sampled(0, StreamKind.AUDIO, "mic", 1000, 1, "");
    private static final StreamDescriptor VIB = StreamDescriptor.sampled(1, StreamKind.VIBRATION, "acc", 1000, 3, "g");
    private static final StreamDescriptor DVS = StreamDescriptor.dvs(2, "cam", 64, 48);

    private final List<EventEnd> ends = new ArrayList<>();
    private final EventListener publisher = new EventListener() {
        @Override
        public void started(EventStart start) {
        }

        @Override
        public void ended(EventEnd end) {
            ends.add(end);
        }
    };

    /** A source of {@code batches}, handed out in order. */
    private static SensorSource source(List<Batch> batches) {
        return new SensorSource() {
            private int next;

            @Override
            public List<StreamDescriptor> streams() {
                return List.of(AUDIO, VIB, DVS);
            }

            @Override
            public Batch next() {
                return next < batches.size() ? batches.get(next++) : null;
            }

            @Override
            public void close() {
            }
        };
    }

    /** 100 ms of frames (100 at 1 kHz) of {@code stream} starting at {@code startUs}, value = frame time in s. */
    private static SampleBatch samples(StreamDescriptor stream, long startUs) {
        SampleBatch b = new SampleBatch(stream, 100);
        for (int i = 0; i < 100; i++) {
            for (int c = 0; c < stream.channels(); c++) {
                b.samples()[i * stream.channels() + c] = (startUs + i * 1000L) / 1e6f;
            }
        }
        b.set(startUs, 100);
        return b;
    }

    private static EventStart start(String id, StreamDescriptor s, long startUs) {
        return new EventStart(id, "dev", s.kind().label(), s.id(), "x", 0.9, startUs, startUs, "d-" + id);
    }

    private static EventEnd end(String id, StreamDescriptor s, long startUs, long endUs) {
        return new EventEnd(id, "dev", s.kind().label(), "x", startUs, endUs, 0.9, 1, 1, "quiet", null);
    }

    @Test
    void anAudioClipIsAWavFromThePreTriggerStartToTheEnd(@TempDir Path dir) throws Exception {
        ClipRecorder rec = new ClipRecorder(List.of(AUDIO), new ClipStore(dir, 1 << 20, 0), 200_000, 1 << 20,
                publisher, System::currentTimeMillis);
        SensorSource tapped = rec.tap(source(List.of(samples(AUDIO, 0), samples(AUDIO, 100_000), samples(AUDIO, 200_000),
                samples(AUDIO, 300_000), samples(AUDIO, 400_000), samples(AUDIO, 500_000))));
        for (int i = 0; i < 5; i++) {
            tapped.next();
        }
        // an event starting at 450 ms, seen while the batch 400-499 ms is processed: the clip starts at 250 ms
        rec.started(start("e1", AUDIO, 450_000));
        tapped.next();
        rec.ended(end("e1", AUDIO, 450_000, 550_000));
        assertNotNull(tapped);
        String clip = ends.getFirst().clip();
        assertNotNull(clip, "the end names its clip");
        Path file = Path.of(clip);
        assertEquals(dir.resolve("audio-e1.wav").toAbsolutePath(), file);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), "clips may hold speech");
        try (AudioInputStream in = AudioSystem.getAudioInputStream(file.toFile())) {
            assertEquals(1000f, in.getFormat().getSampleRate());
            assertEquals(16, in.getFormat().getSampleSizeInBits());
            assertEquals(350, in.getFrameLength(), "250 ms to the end of the last batch, 599 ms");
            byte[] first = in.readNBytes(2);
            int v = (short) ((first[0] & 0xFF) | first[1] << 8);
            assertEquals(0.25 * 32767, v, 2, "the first frame is the one at 250 ms");
        }
    }

    @Test
    void aVibrationClipIsACsvAndAnEventCameraClipAVigilRecording(@TempDir Path dir) throws Exception {
        ClipRecorder rec = new ClipRecorder(List.of(VIB, DVS), new ClipStore(dir, 1 << 20, 0), 50_000, 1 << 20,
                publisher, System::currentTimeMillis);
        EventBatch events = new EventBatch(DVS, 16);
        for (int i = 0; i < 200; i++) {
            events.add(i * 1000L, i % 64, i % 48, i % 2);
        }
        SensorSource tapped = rec.tap(source(List.of(samples(VIB, 0), events)));
        tapped.next();
        tapped.next();
        rec.started(start("v", VIB, 80_000));
        rec.started(start("d", DVS, 150_000));
        rec.ended(end("v", VIB, 80_000, 99_000));
        rec.ended(end("d", DVS, 150_000, 199_000));

        List<String> csv = Files.readAllLines(Path.of(ends.get(0).clip()));
        assertEquals("time_us,ch0,ch1,ch2", csv.getFirst());
        assertEquals(1 + 70, csv.size(), "frames from 30 ms to 99 ms");
        assertTrue(csv.get(1).startsWith("30000,0.0300000,"), csv.get(1));

        assertTrue(ends.get(1).clip().endsWith("dvs-d.vlog"), ends.get(1).clip());
        int n = 0;
        long first = -1;
        try (VlogReader r = new VlogReader(Path.of(ends.get(1).clip()))) {
            assertEquals(List.of(DVS), r.streams());
            for (Batch b; (b = r.next()) != null; ) {
                if (first < 0 && b.size() > 0) {
                    first = b.firstTimeUs();
                }
                n += b.size();
            }
        }
        assertEquals(100, n, "events from 100 ms (150 - 50) on");
        assertEquals(100_000, first);
    }

    @Test
    void withoutAnEventNothingIsWritten(@TempDir Path dir) throws Exception {
        ClipRecorder rec = new ClipRecorder(List.of(AUDIO), new ClipStore(dir, 1 << 20, 0), 200_000, 1 << 20,
                publisher, System::currentTimeMillis);
        SensorSource tapped = rec.tap(source(List.of(samples(AUDIO, 0), samples(AUDIO, 100_000))));
        while (tapped.next() != null) {
            // the ring only
        }
        rec.ended(end("never-started", AUDIO, 0, 1));
        assertNull(ends.getFirst().clip());
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }

    /** While no event is open, feeding the rings allocates nothing (measured on this thread, across 20,000 batches). */
    @Test
    void theRingsAllocateNothingWhileNothingHappens(@TempDir Path dir) throws Exception {
        ClipRecorder rec = new ClipRecorder(List.of(AUDIO, VIB, DVS), new ClipStore(dir, 1 << 20, 0), 200_000, 1 << 20,
                publisher, System::currentTimeMillis);
        SampleBatch audio = samples(AUDIO, 0);
        SampleBatch vib = samples(VIB, 0);
        EventBatch events = new EventBatch(DVS, 512);
        for (int i = 0; i < 500; i++) {
            events.add(i, i % 64, i % 48, i % 2);
        }
        List<Batch> cycle = List.of(audio, vib, events);
        SensorSource tapped = rec.tap(new SensorSource() {
            private int next;

            @Override
            public List<StreamDescriptor> streams() {
                return List.of(AUDIO, VIB, DVS);
            }

            @Override
            public Batch next() {
                return cycle.get(next++ % 3);
            }

            @Override
            public void close() {
            }
        });
        for (int i = 0; i < 20_000; i++) {
            tapped.next();
        }
        ThreadMXBean mx = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = mx.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 20_000; i++) {
            tapped.next();
        }
        long allocated = mx.getCurrentThreadAllocatedBytes() - before;
        assertTrue(allocated < 20_000, "at most a few bytes in all, not per batch or sample: " + allocated + " bytes");
    }

    @Test
    void theOldestClipsGoBeyondTheSizeCapAndOldOnesBeyondTheAgeCap(@TempDir Path dir) throws IOException {
        long now = 1_000_000_000_000L;
        for (int i = 0; i < 5; i++) {
            Path f = Files.write(dir.resolve("audio-" + i + ".wav"), new byte[1000]);
            Files.setLastModifiedTime(f, FileTime.fromMillis(now - (5 - i) * 60_000L));
        }
        Path other = Files.write(dir.resolve("notes.txt"), new byte[5000]);
        Files.setLastModifiedTime(other, FileTime.fromMillis(0));
        new ClipStore(dir, 3000, 0).prune(dir.resolve("audio-4.wav"), now);
        assertFalse(Files.exists(dir.resolve("audio-0.wav")));
        assertFalse(Files.exists(dir.resolve("audio-1.wav")));
        assertTrue(Files.exists(dir.resolve("audio-2.wav")) && Files.exists(dir.resolve("audio-4.wav")));
        assertTrue(Files.exists(other), "only clips are counted and deleted");

        new ClipStore(dir, 1 << 20, 150_000).prune(dir.resolve("audio-4.wav"), now);
        assertFalse(Files.exists(dir.resolve("audio-2.wav")), "3 min old, beyond 2.5 min");
        assertTrue(Files.exists(dir.resolve("audio-3.wav")), "2 min old");
        assertTrue(Files.exists(dir.resolve("audio-4.wav")));
    }
}
