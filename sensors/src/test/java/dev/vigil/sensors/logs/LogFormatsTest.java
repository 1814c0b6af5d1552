package dev.vigil.sensors.logs;

import dev.vigil.sensors.SensorSource;
import dev.vigil.sensors.formats.FormatOptions;
import dev.vigil.sensors.formats.LogFormat;
import dev.vigil.sensors.formats.LogFormatException;
import dev.vigil.sensors.formats.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogFormatsTest {

    @Test
    void contentWinsOverTheExtension(@TempDir Path dir) throws IOException {
        Path misnamed = dir.resolve("recording.csv");
        Files.copy(TestData.shared("event-camera/prophesee_gen41_evt3_small_expelliarmus.raw"), misnamed);
        assertEquals("evt3", LogFormats.detect(misnamed));
        Path aedat = dir.resolve("x.bin");
        Files.copy(TestData.shared("event-camera/davis346_aestream_example.aedat4"), aedat);
        assertEquals(LogFormat.AEDAT4, LogFormats.detectFormat(aedat));
    }

    @Test
    void unknownFilesGetATypedErrorNamingTheFile(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("mystery.xyz");
        Files.write(f, new byte[] {1, 2, 3, 4});
        LogFormatException e = assertThrows(LogFormatException.class, () -> LogFormats.open(f));
        assertTrue(e.getMessage().contains("mystery.xyz"));
        assertEquals(0, e.offset());
        assertEquals("magic", e.field());
    }

    @Test
    void aFifoIsRefusedAtOnceInsteadOfBlocking(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("events.raw");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor(), "mkfifo");
        try {
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                LogFormatException e = assertThrows(LogFormatException.class, () -> LogFormats.detectFormat(fifo));
                assertEquals(fifo + ": not a regular file (a pipe, device or socket cannot be read as a log)", e.getMessage());
                assertThrows(LogFormatException.class, () -> LogFormats.open(fifo, LogFormat.EVT3, FormatOptions.defaults()));
            });
        } finally {
            // Frees a reader stuck opening the pipe (opening it read-write never blocks on Linux).
            FileChannel.open(fifo, StandardOpenOption.READ, StandardOpenOption.WRITE).close();
        }
    }

    @Test
    void randomBytesNamedLikeALogAreRefusedByContent(@TempDir Path dir) throws IOException {
        byte[] noise = new byte[64 << 10];
        new Random(13).nextBytes(noise);
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("raw", "not a Prophesee RAW (EVT 2.0/3.0) file: no '%' header");
        expected.put("dat", "not a Prophesee DAT file: no '%' header");
        expected.put("aedat4", "not an AEDAT 4.0 file: no '#!AER-DAT4' line at the start");
        expected.put("aedat", "not an AEDAT 2.0 file: no '#!AER-DAT2' line at the start");
        expected.put("aedat3", "not an AEDAT 3.1 file: no '#!AER-DAT3' line at the start");
        expected.put("vlog", "not a Vigil recording: no 'VIGILLOG' magic at the start");
        expected.put("wav", "not a WAV file: no 'RIFF....WAVE' header at the start");
        expected.put("mat", "not a MATLAB 5.0 .mat file: no 'MATLAB 5.0 MAT-file' text at the start");
        expected.put("bin", "not an N-MNIST file: event times run backwards");
        expected.put("csv", "not a text (CSV) file: control byte");
        for (Map.Entry<String, String> e : expected.entrySet()) {
            Path f = Files.write(dir.resolve("noise." + e.getKey()), noise);
            LogFormatException x = assertThrows(LogFormatException.class, () -> LogFormats.detectFormat(f), e.getKey());
            assertTrue(x.getMessage().startsWith(f + " "), x.getMessage());
            assertTrue(x.getMessage().contains(e.getValue()), x.getMessage());
        }
    }

    @Test
    void summaryOfTheDavisFile() throws IOException {
        SourceSummary s = SourceSummary.of(TestData.shared("event-camera/davis346_aestream_example.aedat4"),
                FormatOptions.defaults());
        assertEquals("aedat4", s.format());
        assertEquals(2, s.streams().size());
        SourceSummary.StreamSummary dvs = s.streams().get(0);
        assertEquals(117_667, dvs.count());
        assertEquals(72_363, dvs.on());
        assertEquals(13, dvs.batches());
        assertEquals(0.130, dvs.durationSeconds(), 0.0015);
        assertEquals(130, s.streams().get(1).count());
        assertEquals(3L, s.skipped().get("frames"));
        assertEquals(15L, s.skipped().get("triggers"));
        String text = s.render();
        assertTrue(text.contains("346x260: 117,667 events (72,363 ON)"), text);
        assertTrue(text.contains("corrupt parts: 0"), text);
    }

    @Test
    void everySharedSensorFileOpensByDetection() throws IOException {
        for (String dir : new String[] {"event-camera", "audio", "vibration"}) {
            try (var files = Files.list(TestData.shared(dir))) {
                for (Path f : files.toList()) {
                    try (SensorSource s = LogFormats.open(f)) {
                        SourceSummary sum = SourceSummary.of(f.toString(), LogFormats.detect(f), s);
                        assertTrue(sum.streams().get(0).count() > 0, f + " yields data");
                        assertTrue(sum.problems().isEmpty(), f + ": " + sum.problems());
                    }
                }
            }
        }
    }
}
