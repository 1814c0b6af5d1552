package dev.vigil.sensors.formats.aedat;

import dev.vigil.sensors.Batch;
import dev.vigil.sensors.EventBatch;
import dev.vigil.sensors.SampleBatch;
import dev.vigil.sensors.SensorSource;
import dev.vigil.sensors.StreamDescriptor;
import dev.vigil.sensors.StreamKind;
import dev.vigil.sensors.formats.FormatOptions;
import dev.vigil.sensors.formats.LogFormat;
import dev.vigil.sensors.formats.LogFormatException;
import dev.vigil.sensors.formats.TestData;
import dev.vigil.sensors.logs.LogFormats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Aedat4ReaderTest {
    static final Path DAVIS = TestData.shared("event-camera/davis346_aestream_example.aedat4");

    @Test
    void readsTheDavis346ExampleAsSourcesMdDescribesIt() throws IOException {
        assertEquals(LogFormat.AEDAT4, LogFormats.detectFormat(DAVIS));
        try (Aedat4Reader r = new Aedat4Reader(DAVIS, FormatOptions.defaults())) {
            assertEquals(Aedat4Compression.LZ4, r.compression());
            assertEquals(4, r.declaredStreams().size());
            StreamDescriptor dvs = r.streams().get(0);
            assertEquals(StreamKind.DVS, dvs.kind());
            assertEquals(346, dvs.width());
            assertEquals(260, dvs.height());
            assertEquals("DAVIS346_00000104", dvs.name());
            int events = 0;
            long on = 0;
            int packets = 0;
            int imu = 0;
            int maxX = 0;
            int maxY = 0;
            long first = -1;
            long last = -1;
            long previous = Long.MIN_VALUE;
            for (Batch b; (b = r.next()) != null; ) {
                if (b instanceof EventBatch e) {
                    packets++;
                    for (int i = 0; i < e.size(); i++) {
                        assertTrue(e.t(i) >= previous, "timestamps never decrease");
                        previous = e.t(i);
                        on += e.p(i);
                        maxX = Math.max(maxX, e.x(i));
                        maxY = Math.max(maxY, e.y(i));
                    }
                    if (first < 0 && e.size() > 0) {
                        first = e.t(0);
                    }
                    last = e.lastTimeUs();
                    events += e.size();
                } else if (b instanceof SampleBatch s) {
                    assertEquals(StreamKind.VIBRATION, s.stream().kind());
                    assertEquals(3, s.channels());
                    imu += s.size();
                }
            }
            assertEquals(13, packets);
            assertEquals(117_667, events);
            assertEquals(72_363, on);
            assertEquals(345, maxX);
            assertEquals(259, maxY);
            assertEquals(0.130, (last - first) / 1e6, 0.0015);
            assertTrue(first > 1_633_953_629_213_182L, "absolute Unix µs after the header tsOffset");
            assertEquals(130, imu);
            assertEquals(3L, r.skippedElements().get("frames"));
            assertEquals(15L, r.skippedElements().get("triggers"));
            assertEquals(List.of(), r.problems());
        }
    }

    @Test
    void imuSamplesAreAccelerationsInG() throws IOException {
        try (SensorSource r = LogFormats.open(DAVIS)) {
            double sumNorm = 0;
            int n = 0;
            for (Batch b; (b = r.next()) != null; ) {
                if (b instanceof SampleBatch s) {
                    float[] v = s.samples();
                    for (int i = 0; i < s.size(); i++) {
                        sumNorm += Math.sqrt(v[3 * i] * v[3 * i] + v[3 * i + 1] * v[3 * i + 1] + v[3 * i + 2] * v[3 * i + 2]);
                        n++;
                    }
                }
            }
            assertEquals(1.0, sumNorm / n, 0.15, "a camera at rest measures about 1 g");
        }
    }

    @ParameterizedTest
    @EnumSource(value = Aedat4Compression.class, names = {"NONE", "LZ4", "ZSTD"})
    void filesVigilWritesReadBackIdentically(Aedat4Compression compression, @TempDir Path dir) throws IOException {
        TestData.Events original;
        try (SensorSource r = LogFormats.open(DAVIS)) {
            original = TestData.events(r);
        }
        Path out = dir.resolve("copy.aedat4");
        StreamDescriptor d = StreamDescriptor.dvs(0, "copy", 346, 260);
        EventBatch batch = new EventBatch(d, original.size());
        for (int i = 0; i < original.size(); i++) {
            batch.add(original.t()[i], original.x()[i], original.y()[i], original.p()[i]);
        }
        try (Aedat4Writer w = new Aedat4Writer(out, compression, "copy", 346, 260, true)) {
            for (int from = 0; from < batch.size(); from += 20_000) {
                w.writeEvents(batch, from, Math.min(batch.size(), from + 20_000));
            }
        }
        try (Aedat4Reader r = new Aedat4Reader(out, FormatOptions.defaults())) {
            assertEquals(compression, r.compression());
            assertEquals(2, r.streams().size(), "the IMU stream is declared although it has no packets");
            TestData.Events back = TestData.events(r);
            assertEquals(6, back.batches());
            assertArrayEquals(original.t(), back.t());
            assertArrayEquals(original.x(), back.x());
            assertArrayEquals(original.y(), back.y());
            assertArrayEquals(original.p(), back.p());
            assertEquals(List.of(), r.problems());
        }
        if (compression != Aedat4Compression.NONE) {
            assertTrue(Files.size(out) < 117_667L * 16, "the packets really are compressed");
        }
    }

    @Test
    void imuPacketsRoundTripAsVibration(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("imu.aedat4");
        StreamDescriptor imu = StreamDescriptor.sampled(1, StreamKind.VIBRATION, "imu", 1000, 3, "g");
        SampleBatch s = new SampleBatch(imu, 50);
        for (int i = 0; i < 150; i++) {
            s.samples()[i] = i * 0.01f;
        }
        s.set(5_000, 50);
        try (Aedat4Writer w = new Aedat4Writer(out, Aedat4Compression.LZ4, "cam", 64, 48, true)) {
            w.writeImu(s);
        }
        try (SensorSource r = LogFormats.open(out)) {
            TestData.Samples back = TestData.samples(r);
            assertEquals(50, back.frames());
            assertEquals(3, back.channels());
            assertEquals(5_000, back.firstUs());
            assertArrayEquals(s.copyOfSamples(), back.samples());
        }
    }

    @Test
    void refusesAFileWithoutTheMagicLine(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad.aedat4");
        Files.write(bad, "#!AER-DAT9.9\r\nxxxxxxxxxxxxxxx".getBytes());
        LogFormatException e = assertThrows(LogFormatException.class, () -> new Aedat4Reader(bad, FormatOptions.defaults()));
        assertTrue(e.getMessage().contains(bad.toString()), e.getMessage());
        assertEquals("magic", e.field());
    }
}
