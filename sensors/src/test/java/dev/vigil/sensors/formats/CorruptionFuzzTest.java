package dev.vigil.sensors.formats;

import dev.vigil.sensors.Batch;
import dev.vigil.sensors.EventBatch;
import dev.vigil.sensors.SensorSource;
import dev.vigil.sensors.StreamDescriptor;
import dev.vigil.sensors.formats.aedat.Aedat2And31SpecTest;
import dev.vigil.sensors.formats.aedat.Aedat4Compression;
import dev.vigil.sensors.formats.aedat.Aedat4Writer;
import dev.vigil.sensors.logs.LogFormats;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Truncates every reader's files at random offsets and flips random bytes (half of them in the
 * first KiB, where headers live): reading must end with data, reported problems or a
 * {@link LogFormatException}, never another exception, never a hang, never a large allocation; event
 * time never runs backwards, and each flipped byte stretches an event stream by at most the time-jump
 * bound.
 */
class CorruptionFuzzTest {
    private static final int CAP = 4 << 20;
    /** The default bound on one step of event time (FormatOptions' max time jump), µs. */
    private static final long MAX_TIME_JUMP_US = 60_000_000;

    static Stream<Arguments> files() {
        return Stream.of(
                Arguments.of("event-camera/davis346_aestream_example.aedat4", LogFormat.AEDAT4, 30),
                Arguments.of("event-camera/prophesee_gen3_evt2_faery.raw", LogFormat.EVT2, 30),
                Arguments.of("event-camera/prophesee_gen41_evt3_small_expelliarmus.raw", LogFormat.EVT3, 60),
                Arguments.of("event-camera/prophesee_dat2_expelliarmus.dat", LogFormat.DAT, 60),
                Arguments.of("event-camera/nmnist_tonic_sample.bin", LogFormat.NMNIST, 60),
                Arguments.of("audio/speechcommands_yes_1000ms_tflm.wav", LogFormat.WAV, 60),
                Arguments.of("vibration/cwru_X105_inner007_0hp_12kDE.mat", LogFormat.MAT, 12));
    }

    @ParameterizedTest
    @MethodSource("files")
    void realFilesDamagedFailOnlyWithTheTypedError(String name, LogFormat format, int trials, @TempDir Path dir)
            throws IOException {
        fuzz(Files.readAllBytes(TestData.shared(name)), format, trials, dir, name.hashCode());
    }

    @ParameterizedTest
    @MethodSource("writtenFormats")
    void filesVigilWritesDamagedFailOnlyWithTheTypedError(LogFormat format, String text, @TempDir Path dir)
            throws IOException {
        Path f = dir.resolve("source");
        if (format == LogFormat.AEDAT4) {
            StreamDescriptor d = StreamDescriptor.dvs(0, "c", 64, 64);
            EventBatch b = new EventBatch(d, 5000);
            Random r = new Random(1);
            for (int i = 0; i < 5000; i++) {
                b.add(i * 3L, r.nextInt(64), r.nextInt(64), r.nextInt(2));
            }
            try (Aedat4Writer w = new Aedat4Writer(f, Aedat4Compression.valueOf(text), "c", 64, 64, true)) {
                for (int from = 0; from < 5000; from += 1000) {
                    w.writeEvents(b, from, from + 1000);
                }
            }
        } else if (format == LogFormat.AEDAT31) {
            f = Aedat2And31SpecTest.aedat31(dir);
        } else if (format == LogFormat.AEDAT2) {
            int[] addresses = new int[2000];
            int[] times = new int[2000];
            Random r = new Random(2);
            for (int i = 0; i < addresses.length; i++) {
                addresses[i] = r.nextInt(1 << 16);
                times[i] = i * 7;
            }
            f = Aedat2And31SpecTest.aedat2(dir, text, addresses, times);
        } else {
            Files.writeString(f, text);
        }
        fuzz(Files.readAllBytes(f), format, 80, dir, format.ordinal());
    }

    static Stream<Arguments> writtenFormats() {
        StringBuilder csv = new StringBuilder("time (s),ax (g),ay (g)\n");
        for (int i = 0; i < 300; i++) {
            csv.append(i / 1000.0).append(',').append(Math.sin(i)).append(',').append(Math.cos(i)).append('\n');
        }
        return Stream.of(Arguments.of(LogFormat.AEDAT4, "ZSTD"), Arguments.of(LogFormat.AEDAT4, "LZ4"),
                Arguments.of(LogFormat.AEDAT4, "NONE"), Arguments.of(LogFormat.CSV, csv.toString()),
                Arguments.of(LogFormat.AEDAT31, ""), Arguments.of(LogFormat.AEDAT2, "DVS128"),
                Arguments.of(LogFormat.AEDAT2, "DAVIS240C"));
    }

    /** Follows each event stream's time: it must never run backwards. */
    private static void follow(Map<Integer, long[]> lines, EventBatch e, String what) {
        if (e.size() == 0) {
            return;
        }
        long[] line = lines.computeIfAbsent(e.stream().id(), id -> new long[] {e.t(0), e.t(0)});
        for (int i = 0; i < e.size(); i++) {
            long t = e.t(i);
            assertTrue(t >= line[1], what + ": time runs back from " + line[1] + " to " + t + " µs in stream " + e.stream().id());
            line[1] = t;
        }
    }

    /** The longest time span of one event stream in the undamaged file, µs (0 without events). */
    private static long eventSpan(byte[] original, LogFormat format, FormatOptions options, Path dir) throws IOException {
        Path f = Files.write(dir.resolve("original"), original);
        Map<Integer, long[]> lines = new HashMap<>();
        try (SensorSource s = LogFormats.open(f, format, options)) {
            for (Batch b; (b = s.next()) != null; ) {
                if (b instanceof EventBatch e && e.size() > 0) {
                    long[] line = lines.computeIfAbsent(e.stream().id(), id -> new long[] {e.t(0), e.t(0)});
                    line[1] = e.t(e.size() - 1);
                }
            }
        }
        Files.delete(f);
        return lines.values().stream().mapToLong(l -> l[1] - l[0]).max().orElse(0);
    }

    private static void fuzz(byte[] original, LogFormat format, int trials, Path dir, long seed) throws IOException {
        Random r = new Random(seed);
        FormatOptions options = FormatOptions.defaults().withMaxPacketBytes(CAP);
        long originalSpan = eventSpan(original, format, options, dir);
        for (int trial = 0; trial < trials; trial++) {
            byte[] bad;
            int flips = 0;
            if (trial % 2 == 0) {
                bad = Arrays.copyOf(original, r.nextInt(original.length));
            } else {
                bad = original.clone();
                flips = 1 + r.nextInt(8);
                for (int i = 0; i < flips; i++) {
                    int at = r.nextBoolean() ? r.nextInt(Math.min(1024, bad.length)) : r.nextInt(bad.length);
                    bad[at] ^= (byte) (1 + r.nextInt(255));
                }
            }
            Path f = dir.resolve("damaged" + trial);
            Files.write(f, bad);
            String what = format + " trial " + trial + " (" + (trial % 2 == 0 ? "truncated to " + bad.length : "flipped") + ")";
            long allowedFlips = flips;
            com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
                long before = mx.getCurrentThreadAllocatedBytes();
                try (SensorSource s = LogFormats.open(f, format, options)) {
                    long guard = 0;
                    Map<Integer, long[]> lines = new HashMap<>();
                    for (Batch b; (b = s.next()) != null; ) {
                        assertTrue(b.size() >= 0);
                        assertTrue(++guard < 10_000_000, what + ": endless batches");
                        if (b instanceof EventBatch e) {
                            follow(lines, e, what);
                        }
                    }
                    long allowed = originalSpan + allowedFlips * MAX_TIME_JUMP_US;
                    for (long[] line : lines.values()) {
                        assertTrue(line[1] - line[0] <= allowed, what + ": " + allowedFlips + " flipped byte(s) stretched "
                                + originalSpan + " µs of events to " + (line[1] - line[0]) + " µs");
                    }
                } catch (LogFormatException expected) {
                    assertTrue(expected.getMessage().contains(f.toString()), what + ": message names the file");
                } catch (Throwable t) {
                    fail(what + ": " + t, t);
                }
                long allocated = mx.getCurrentThreadAllocatedBytes() - before;
                long bound = 16L * original.length + 4L * CAP + (64 << 20);
                assertTrue(allocated < bound, what + ": allocated " + allocated + " bytes");
                Files.delete(f);
            }, what + ": hang");
        }
    }
}
