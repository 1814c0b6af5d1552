package dev.vigil.sensors.formats.nmnist;

import dev.vigil.sensors.SensorSource;
import dev.vigil.sensors.formats.LogFormat;
import dev.vigil.sensors.formats.TestData;
import dev.vigil.sensors.logs.LogFormats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NmnistReaderTest {
    static final Path SAMPLE = TestData.shared("event-camera/nmnist_tonic_sample.bin");

    @Test
    void readsTheTonicSampleAsSourcesMdDescribesIt() throws IOException {
        assertEquals(LogFormat.NMNIST, LogFormats.detectFormat(SAMPLE));
        try (SensorSource s = LogFormats.open(SAMPLE)) {
            assertEquals(34, s.streams().get(0).width());
            assertEquals(34, s.streams().get(0).height());
            TestData.Events e = TestData.events(s);
            assertEquals(4_325, e.size());
            assertEquals(0.496, e.on() / (double) e.size(), 0.0005);
            assertEquals(654L, e.t()[0]);
            assertEquals(311_175L, Arrays.stream(e.t()).max().getAsLong());
            assertEquals(33, Arrays.stream(e.x()).max().getAsInt());
            assertEquals(33, Arrays.stream(e.y()).max().getAsInt());
            assertEquals(0, Arrays.stream(e.x()).min().getAsInt());
            assertTrue(s.problems().isEmpty());
        }
    }

    @Test
    void decodesTheFortyBitLayout(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("two.bin");
        // x=5, y=7, ON, t=0x012345; x=33, y=0, OFF, t=0x7FFFFF; then a torn 3-byte tail.
        Files.write(f, new byte[] {5, 7, (byte) (0x80 | 0x01), 0x23, 0x45, 33, 0, 0x7F, (byte) 0xFF, (byte) 0xFF, 1, 2, 3});
        try (SensorSource s = LogFormats.open(f)) {
            TestData.Events e = TestData.events(s);
            assertEquals(2, e.size());
            assertEquals(0x012345L, e.t()[0]);
            assertEquals(5, e.x()[0]);
            assertEquals(7, e.y()[0]);
            assertEquals(1, e.p()[0]);
            assertEquals(0x7FFFFFL, e.t()[1]);
            assertEquals(0, e.p()[1]);
            assertEquals(1, s.problems().size());
            assertEquals(10L, s.problems().get(0).offset());
        }
    }
}
