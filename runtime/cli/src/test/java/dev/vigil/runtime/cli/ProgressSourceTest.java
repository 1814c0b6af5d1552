package dev.vigil.runtime.cli;

import dev.vigil.sensors.Batch;
import dev.vigil.sensors.SampleBatch;
import dev.vigil.sensors.SensorSource;
import dev.vigil.sensors.StreamDescriptor;
import dev.vigil.sensors.StreamKind;
import dev.vigil.sensors.formats.LogFormat;
import dev.vigil.sensors.formats.LogSource;
import dev.vigil.sensors.vlog.VlogReader;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Progress reports on a recording read as fast as possible: how much of it, how fast, how long still. */
class ProgressSourceTest {
    private static final Path DEMO = Path.of(System.getProperty("vigil.root", "..")).resolve("examples/demo.vlog");
    private static final Pattern LINE = Pattern.compile(
            "vigil: ([0-9]+)% read: ([0-9.]+) s of the recording processed in [0-9,]+ s \\(([0-9.,]+)x real time\\), "
                    + "(about [0-9.]+ (s|min|h) left|time left not known yet)");

    @Test
    void reportsTheShareReadAndTheRecordedTimeProcessedRisingToTheEndAndPassesEveryBatchThrough() throws Exception {
        StringWriter text = new StringWriter();
        int batches = 0;
        int plain = 0;
        try (VlogReader direct = new VlogReader(DEMO)) {
            while (direct.next() != null) {
                plain++;
            }
        }
        try (ProgressSource s = new ProgressSource(new VlogReader(DEMO), new PrintWriter(text), 0, System::nanoTime)) {
            while (s.next() != null) {
                batches++;
            }
        }
        assertEquals(plain, batches, "every batch passes through");
        List<String> lines = text.toString().lines().toList();
        assertTrue(lines.size() > 10, "interval 0 reports at every batch: " + lines.size());
        double previous = -1;
        int previousShare = -1;
        for (String line : lines) {
            Matcher m = LINE.matcher(line);
            assertTrue(m.matches(), line);
            double s = Double.parseDouble(m.group(2));
            int share = Integer.parseInt(m.group(1));
            assertTrue(s >= previous, "recorded time never goes back: " + line);
            assertTrue(share >= previousShare, "the share read never goes back: " + line);
            previous = s;
            previousShare = share;
        }
        assertTrue(previous > 5.9 && previous <= 6.0, "the demo is 6 s long: last report " + previous);
        assertEquals(100, previousShare, "the last report has read the whole file");
    }

    @Test
    void aLongIntervalStaysQuietOnAShortRecording() throws Exception {
        StringWriter text = new StringWriter();
        try (ProgressSource s = new ProgressSource(new VlogReader(DEMO), new PrintWriter(text))) {
            int read = 0;
            while (s.next() != null) {
                read++;
            }
            assertTrue(read > 0);
        }
        assertEquals("", text.toString());
    }

    @Test
    void estimatesTheTimeLeftFromTheShareRead() throws Exception {
        AtomicLong now = new AtomicLong(0);
        try (ProgressSource s = new ProgressSource(new QuarterRead(), new PrintWriter(new StringWriter()), 0, now::get)) {
            s.next();
            assertEquals("25% read: 1.0 s of the recording processed in 10 s (0.1x real time), about 30 s left",
                    s.line(10_000_000_000L), "a quarter in 10 s leaves three quarters, 30 s");
            assertTrue(s.line(600_000_000_000L).endsWith("about 30 min left"), s.line(600_000_000_000L));
        }
    }

    /** A log source that has read a quarter of its file after one batch of 1 s. */
    private static final class QuarterRead implements LogSource {
        private final StreamDescriptor stream = StreamDescriptor.sampled(0, StreamKind.VIBRATION, "v", 1000, 1, "g");
        private final SampleBatch batch = new SampleBatch(stream, 1001);
        private boolean read;

        @Override
        public LogFormat format() {
            return LogFormat.CSV;
        }

        @Override
        public double fractionRead() {
            return read ? 0.25 : 0;
        }

        @Override
        public List<StreamDescriptor> streams() {
            return List.of(stream);
        }

        @Override
        public Batch next() {
            read = true;
            batch.set(0, 1001);
            return batch;
        }

        @Override
        public void close() {
        }
    }

    @Test
    void theClockStartsAtTheFirstReadNotWhenTheSourceIsWrapped() throws Exception {
        AtomicLong now = new AtomicLong(0);
        StringWriter text = new StringWriter();
        try (ProgressSource s = new ProgressSource(new VlogReader(DEMO), new PrintWriter(text), 0, now::get)) {
            now.set(18_000_000_000L); // 18 s of setting up (an embedded broker on a slow board) before the first read
            s.next();
        }
        assertTrue(text.toString().contains(" processed in 0 s "), "setup time is not reading time: " + text);
    }

    @Test
    void theReportsStopWhenTheRecordingEnds() throws Exception {
        StringWriter text = new StringWriter();
        try (ProgressSource s = new ProgressSource(new VlogReader(DEMO), new PrintWriter(text), TimeUnit.MILLISECONDS.toNanos(20),
                System::nanoTime)) {
            while (s.next() != null) {
                Thread.sleep(1);
            }
            Thread.sleep(100);
            long atEnd = text.toString().lines().count();
            assertTrue(atEnd >= 1, "reports while reading: " + text);
            Thread.sleep(200);
            assertEquals(atEnd, text.toString().lines().count(), "no report after the last batch: " + text);
        }
    }

    @Test
    void reportsOnATimerWhileNoDataArrives() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        SensorSource stalled = new SensorSource() {
            @Override
            public List<StreamDescriptor> streams() {
                return List.of();
            }

            @Override
            public Batch next() {
                try {
                    release.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            }

            @Override
            public void close() {
            }
        };
        StringWriter text = new StringWriter();
        PrintWriter err = new PrintWriter(text);
        try (ProgressSource s = new ProgressSource(stalled, err, TimeUnit.MILLISECONDS.toNanos(50), System::nanoTime)) {
            Thread reader = Thread.ofVirtual().start(() -> {
                try {
                    s.next();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (text.toString().lines().count() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            release.countDown();
            reader.join();
        }
        assertTrue(text.toString().lines().count() >= 2, "two timer reports while next() was blocked: " + text);
        assertTrue(text.toString().startsWith("vigil: 0.0 s of the recording processed in "), text.toString());
    }
}
