package dev.vigil.sensors.formats.prophesee;

import dev.vigil.sensors.SensorSource;
import dev.vigil.sensors.StreamDescriptor;
import dev.vigil.sensors.formats.FormatOptions;
import dev.vigil.sensors.formats.LogFormat;
import dev.vigil.sensors.formats.SkippedElements;
import dev.vigil.sensors.formats.TestData;
import dev.vigil.sensors.logs.LogFormats;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Prophesee files in ../shared/data, checked against the figures in SOURCES.md. */
class PropheseeRealFilesTest {
    static final Path EVT2 = TestData.shared("event-camera/prophesee_gen3_evt2_faery.raw");
    static final Path EVT3 = TestData.shared("event-camera/prophesee_gen41_evt3_small_expelliarmus.raw");
    static final Path DAT = TestData.shared("event-camera/prophesee_dat2_expelliarmus.dat");

    static void assertNonDecreasing(long[] t) {
        for (int i = 1; i < t.length; i++) {
            assertTrue(t[i] >= t[i - 1], "time decreases at event " + i);
        }
    }

    @Test
    void evt2GenThreeFile() throws IOException {
        assertEquals(LogFormat.EVT2, LogFormats.detectFormat(EVT2));
        try (SensorSource s = LogFormats.open(EVT2, FormatOptions.defaults())) {
            StreamDescriptor d = s.streams().get(0);
            assertEquals(640, d.width());
            assertEquals(480, d.height());
            TestData.Events e = TestData.events(s);
            assertEquals(521_252, e.size());
            assertEquals(185_861, e.on());
            assertEquals(913_716_224L, e.t()[0]);
            assertEquals(913_812_095L, e.t()[e.size() - 1]);
            assertTrue(Arrays.stream(e.x()).max().getAsInt() <= 639);
            assertTrue(Arrays.stream(e.y()).max().getAsInt() <= 479);
            assertNonDecreasing(e.t());
            assertEquals(null, ((SkippedElements) s).skippedElements().get("triggers"), "SOURCES.md: no triggers");
            assertEquals(List.of(), s.problems());
            assertTrue(e.batches() > 1, "a large file comes in several batches");
        }
    }

    @Test
    void evt3GenFourFile() throws IOException {
        assertEquals(LogFormat.EVT3, LogFormats.detectFormat(EVT3));
        try (SensorSource s = LogFormats.open(EVT3)) {
            StreamDescriptor d = s.streams().get(0);
            assertEquals(1280, d.width());
            assertEquals(720, d.height());
            TestData.Events e = TestData.events(s);
            assertEquals(5_000, e.size());
            assertEquals(2_894, e.on());
            assertEquals(5_840_504L, e.t()[0]);
            assertEquals(5_885_714L, Arrays.stream(e.t()).max().getAsLong());
            assertEquals(11, Arrays.stream(e.x()).min().getAsInt());
            assertEquals(1279, Arrays.stream(e.x()).max().getAsInt());
            assertEquals(22, Arrays.stream(e.y()).min().getAsInt());
            assertEquals(698, Arrays.stream(e.y()).max().getAsInt());
            assertNonDecreasing(e.t());
            assertEquals(List.of(), s.problems());
        }
    }

    @Test
    void datFile() throws IOException {
        assertEquals(LogFormat.DAT, LogFormats.detectFormat(DAT));
        try (SensorSource s = LogFormats.open(DAT)) {
            TestData.Events e = TestData.events(s);
            assertEquals(4_407, e.size());
            assertEquals(0L, e.t()[0]);
            assertEquals(99_937L, e.t()[e.size() - 1]);
            assertTrue(Arrays.stream(e.x()).max().getAsInt() <= 53);
            assertTrue(Arrays.stream(e.y()).max().getAsInt() <= 60);
            assertTrue(Arrays.stream(e.p()).allMatch(p -> p == 0 || p == 1));
            StreamDescriptor d = s.streams().get(0);
            assertTrue(d.width() > Arrays.stream(e.x()).max().getAsInt() && d.width() <= 54 + 1);
            assertTrue(d.height() > Arrays.stream(e.y()).max().getAsInt() && d.height() <= 61 + 1);
            assertEquals(List.of(), s.problems());
        }
    }
}
