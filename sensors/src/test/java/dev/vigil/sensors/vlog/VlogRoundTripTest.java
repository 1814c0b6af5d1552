package dev.vigil.sensors.vlog;

import dev.vigil.sensors.Batch;
import dev.vigil.sensors.EventBatch;
import dev.vigil.sensors.SensorSource;
import dev.vigil.sensors.StreamKind;
import dev.vigil.sensors.formats.FormatOptions;
import dev.vigil.sensors.formats.TestData;
import dev.vigil.sensors.logs.LogFormats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Property: whatever is written to a Vigil recording is read back identically, in order. */
class VlogRoundTripTest {

    @Test
    void generatedRecordingsReadBackIdentically(@TempDir Path dir) throws IOException {
        for (int seed = 0; seed < 60; seed++) {
            Random r = new Random(seed);
            Path f = dir.resolve("r" + seed + ".vlog");
            VlogFixtures.Written w = VlogFixtures.write(f, r, r.nextInt(40), 1 + r.nextInt(3000));
            try (VlogReader reader = new VlogReader(f)) {
                assertEquals(w.streams(), reader.streams(), "seed " + seed);
                List<RecordedChunk> back = VlogFixtures.readAll(reader);
                assertEquals(w.chunks().size(), back.size(), "seed " + seed);
                for (int i = 0; i < back.size(); i++) {
                    assertTrue(w.chunks().get(i).sameAs(back.get(i)), "seed " + seed + " chunk " + i);
                }
                assertTrue(reader.problems().isEmpty());
            }
        }
    }

    @Test
    void aRealEventFileConvertedToAVlogReadsBackTheSameEvents(@TempDir Path dir) throws IOException {
        Path in = TestData.shared("event-camera/prophesee_gen3_evt2_faery.raw");
        Path out = dir.resolve("evt2.vlog");
        TestData.Events original;
        try (SensorSource s = LogFormats.open(in, FormatOptions.defaults().withBatch(10_000, 16))) {
            try (VlogWriter w = new VlogWriter(out, s.streams())) {
                for (Batch b; (b = s.next()) != null; ) {
                    w.write((EventBatch) b);
                }
            }
        }
        try (SensorSource s = LogFormats.open(in)) {
            original = TestData.events(s);
        }
        try (SensorSource s = LogFormats.open(out)) {
            assertEquals(StreamKind.DVS, s.streams().get(0).kind());
            assertEquals(640, s.streams().get(0).width());
            TestData.Events back = TestData.events(s);
            assertEquals(53, back.batches());
            org.junit.jupiter.api.Assertions.assertArrayEquals(original.t(), back.t());
            org.junit.jupiter.api.Assertions.assertArrayEquals(original.x(), back.x());
            org.junit.jupiter.api.Assertions.assertArrayEquals(original.y(), back.y());
            org.junit.jupiter.api.Assertions.assertArrayEquals(original.p(), back.p());
        }
    }
}
