package dev.vigil.sensors.formats.prophesee;

import dev.vigil.sensors.EventBatch;
import dev.vigil.sensors.SensorSource;
import dev.vigil.sensors.StreamDescriptor;
import dev.vigil.sensors.formats.FormatOptions;
import dev.vigil.sensors.formats.SkippedElements;
import dev.vigil.sensors.formats.TestData;
import dev.vigil.sensors.logs.LogFormats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** EVT 3.0 word types built by hand from Prophesee's published format description. */
class Evt3SpecTest {

    private static Path words(Path dir, int... words) throws IOException {
        Path f = dir.resolve("words.raw");
        try (Evt3Writer w = new Evt3Writer(f, 1280, 720, false)) {
            for (int word : words) {
                w.word(word);
            }
        }
        return f;
    }

    @Test
    void everyWordTypeDecodesAsSpecified(@TempDir Path dir) throws IOException {
        Path f = words(dir,
                0x2005,            // ADDR_X before any TIME_HIGH: no time yet, skipped
                0x8001,            // TIME_HIGH 1 -> t = 4096
                0x6010,            // TIME_LOW 16 -> t = 4112
                0x0000 | 100,      // ADDR_Y 100
                0x2000 | 0x800 | 7, // ADDR_X 7, ON
                0x3000 | 200,      // VECT_BASE_X 200, OFF
                0x4000 | 0b1000_0000_0101, // VECT_12: x 200, 202, 211
                0x5000 | 0b1000_0001, // VECT_8 after +12: x 212, 219
                0x8001,            // repeated equal TIME_HIGH: no change
                0x2000 | 9,        // ADDR_X 9 OFF at 4112
                0xA001,            // EXT_TRIGGER
                0xE000,            // OTHERS
                0x7003, 0xF123,    // CONTINUED_4, CONTINUED_12
                0x8000,            // TIME_HIGH 0 < 1: the 24-bit counter wrapped
                0x6001,            // TIME_LOW 1 -> t = 2^24 + 1
                0x0000 | 0x800 | 5, // ADDR_Y 5 with the system-type bit set
                0x2000 | 0x800 | 1); // ADDR_X 1 ON
        try (SensorSource s = LogFormats.open(f)) {
            TestData.Events e = TestData.events(s);
            assertArrayEquals(new int[] {7, 200, 202, 211, 212, 219, 9, 1}, e.x());
            assertArrayEquals(new int[] {100, 100, 100, 100, 100, 100, 100, 5}, e.y());
            assertArrayEquals(new int[] {1, 0, 0, 0, 0, 0, 0, 1}, e.p());
            long w = 1L << 24;
            assertArrayEquals(new long[] {4112, 4112, 4112, 4112, 4112, 4112, 4112, w + 1}, e.t());
            Map<String, Long> skipped = ((SkippedElements) s).skippedElements();
            assertEquals(1L, skipped.get("events before the first TIME_HIGH"));
            assertEquals(1L, skipped.get("triggers"));
            assertEquals(3L, skipped.get("other words"));
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void realEventsSurviveAWriteAndReadWithAndWithoutVectors(boolean vectors, @TempDir Path dir) throws IOException {
        TestData.Events original;
        try (SensorSource s = LogFormats.open(PropheseeRealFilesTest.EVT3)) {
            original = TestData.events(s);
        }
        EventBatch b = toBatch(original, 1280, 720);
        Path f = dir.resolve("copy.raw");
        try (Evt3Writer w = new Evt3Writer(f, 1280, 720, vectors)) {
            w.write(b);
        }
        try (SensorSource s = LogFormats.open(f)) {
            TestData.Events back = TestData.events(s);
            assertArrayEquals(original.t(), back.t());
            assertArrayEquals(original.x(), back.x());
            assertArrayEquals(original.y(), back.y());
            assertArrayEquals(original.p(), back.p());
        }
    }

    @Test
    void denseRowsUseVectorWordsAndDecodeExactly(@TempDir Path dir) throws IOException {
        Random r = new Random(7);
        StreamDescriptor d = StreamDescriptor.dvs(0, "t", 1280, 720);
        EventBatch b = new EventBatch(d, 1 << 16);
        long t = 16_000_000;
        for (int row = 0; row < 2000; row++) {
            t += r.nextInt(3);
            int y = r.nextInt(720);
            int p = r.nextInt(2);
            int x = r.nextInt(100);
            for (int k = 0; k < 30; k++) {
                x += 1 + (r.nextInt(4) == 0 ? r.nextInt(30) : 0);
                if (x < 1280) {
                    b.add(t, x, y, p);
                }
            }
        }
        Path plain = dir.resolve("plain.raw");
        Path vect = dir.resolve("vect.raw");
        try (Evt3Writer w = new Evt3Writer(plain, 1280, 720, false)) {
            w.write(b);
        }
        try (Evt3Writer w = new Evt3Writer(vect, 1280, 720, true)) {
            w.write(b);
        }
        assertTrue(Files.size(vect) < Files.size(plain) * 0.6, "vector words are more compact");
        try (SensorSource s = LogFormats.open(vect, FormatOptions.defaults().withBatch(1000, 16))) {
            TestData.Events back = TestData.events(s);
            assertEquals(b.size(), back.size());
            for (int i = 0; i < b.size(); i++) {
                assertEquals(b.t(i), back.t()[i], "t of event " + i);
                assertEquals(b.x(i), back.x()[i], "x of event " + i);
                assertEquals(b.y(i), back.y()[i]);
                assertEquals(b.p(i), back.p()[i]);
            }
            assertTrue(back.batches() >= b.size() / 1012, "batches stay near the requested size");
        }
    }

    static EventBatch toBatch(TestData.Events e, int w, int h) {
        EventBatch b = new EventBatch(StreamDescriptor.dvs(0, "copy", w, h), e.size());
        for (int i = 0; i < e.size(); i++) {
            b.add(e.t()[i], e.x()[i], e.y()[i], e.p()[i]);
        }
        return b;
    }
}
