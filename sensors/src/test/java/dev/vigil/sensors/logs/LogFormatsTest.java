package dev.vigil.sensors.logs;

import dev.vigil.sensors.SensorSource;
import dev.vigil.sensors.formats.FormatOptions;
import dev.vigil.sensors.formats.LogFormat;
import dev.vigil.sensors.formats.LogFormatException;
import dev.vigil.sensors.formats.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
