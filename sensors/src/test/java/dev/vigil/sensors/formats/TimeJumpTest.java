package dev.vigil.sensors.formats;

import dev.vigil.sensors.Batch;
import dev.vigil.sensors.EventBatch;
import dev.vigil.sensors.SensorSource;
import dev.vigil.sensors.SourceProblem;
import dev.vigil.sensors.StreamDescriptor;
import dev.vigil.sensors.formats.aedat.Aedat2And31SpecTest;
import dev.vigil.sensors.formats.aedat.Aedat4Compression;
import dev.vigil.sensors.formats.aedat.Aedat4Writer;
import dev.vigil.sensors.logs.LogFormats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Damaged timestamps (a flipped bit, a spurious counter wrap) must not stretch a recording or send its
 * time backwards: a step back, or forward beyond the bound (60 s by default), is reported as a damaged
 * part and the events after it are re-based; every event is still delivered.
 */
class TimeJumpTest {
    private static final long DEFAULT_BOUND_US = 60_000_000;

    /** One DVS stream's events as a time line: count, first and last time, steps back, largest step. */
    record TimeLine(long events, long first, long last, long stepsBack, long largestStep, List<SourceProblem> problems) {
        double spanSeconds() {
            return (last - first) / 1e6;
        }

        static TimeLine read(Path file, LogFormat format, FormatOptions options) throws IOException {
            try (SensorSource s = LogFormats.open(file, format, options)) {
                long events = 0;
                long first = 0;
                long last = 0;
                long back = 0;
                long largest = 0;
                for (Batch b; (b = s.next()) != null; ) {
                    if (!(b instanceof EventBatch e)) {
                        continue;
                    }
                    for (int i = 0; i < e.size(); i++) {
                        long t = e.t(i);
                        if (events == 0) {
                            first = t;
                        } else if (t < last) {
                            back++;
                        } else {
                            largest = Math.max(largest, t - last);
                        }
                        last = t;
                        events++;
                    }
                }
                return new TimeLine(events, first, last, back, largest, List.copyOf(s.problems()));
            }
        }
    }

    /** Offset of the first byte after a {@code %} header. */
    private static int afterPercentHeader(byte[] f) {
        int at = 0;
        while (at < f.length && f[at] == '%') {
            while (f[at] != '\n') {
                at++;
            }
            at++;
        }
        return at;
    }

    /** One damaged part, reported at {@code offset} or, when the damage shows only at a later event, up to {@code slack} bytes later. */
    private static void assertOneTimeProblem(TimeLine damaged, long offset, long slack) {
        assertEquals(1, damaged.problems().size(), damaged.problems()::toString);
        SourceProblem p = damaged.problems().get(0);
        assertTrue(p.what().contains("time"), p::toString);
        assertTrue(p.offset() >= offset && p.offset() <= offset + slack, p + ": expected at byte " + offset);
    }

    /** Offset of the {@code nth} EVT 2.0 TIME_HIGH word. */
    private static int evt2TimeHigh(byte[] f, int nth) {
        int word = afterPercentHeader(f);
        for (int seen = 0; ; word += 4) {
            if ((f[word + 3] & 0xF0) == 0x80 && seen++ == nth) {
                return word;
            }
        }
    }

    @Test
    void aFlippedTimeHighInEvt2DoesNotStretchTheRecording(@TempDir Path dir) throws IOException {
        Path real = TestData.shared("event-camera/prophesee_gen3_evt2_faery.raw");
        byte[] f = Files.readAllBytes(real);
        int word = evt2TimeHigh(f, 500);
        f[word + 3] ^= 0x0C;   // TIME_HIGH + 3 * 2^26: the next, intact TIME_HIGH then looks like a counter wrap
        Path damagedFile = Files.write(dir.resolve("flipped.raw"), f);

        TimeLine original = TimeLine.read(real, LogFormat.EVT2, FormatOptions.defaults());
        TimeLine damaged = TimeLine.read(damagedFile, LogFormat.EVT2, FormatOptions.defaults());
        assertEquals(original.events(), damaged.events(), "every event is still delivered");
        assertTrue(damaged.spanSeconds() <= original.spanSeconds(), "0.096 s stay 0.096 s, not "
                + damaged.spanSeconds() + " s");
        assertEquals(0, damaged.stepsBack());
        assertOneTimeProblem(damaged, word, 64);
    }

    @Test
    void aFlippedTimestampBitInDatIsOneDamagedPartNotATimeWarp(@TempDir Path dir) throws IOException {
        Path real = TestData.shared("event-camera/prophesee_dat2_expelliarmus.dat");
        byte[] f = Files.readAllBytes(real);
        int events = afterPercentHeader(f) + 2;
        int flipped = events + 8 * 2000;
        f[flipped + 3] ^= (byte) 0x80;   // bit 31 of one event's time: 2,147 s ahead, then back
        Path damagedFile = Files.write(dir.resolve("flipped.dat"), f);

        TimeLine original = TimeLine.read(real, LogFormat.DAT, FormatOptions.defaults());
        TimeLine damaged = TimeLine.read(damagedFile, LogFormat.DAT, FormatOptions.defaults());
        assertEquals(original.events(), damaged.events());
        assertEquals(0, damaged.stepsBack(), "time never runs backwards");
        assertTrue(damaged.largestStep() <= original.largestStep(), damaged + " vs " + original);
        assertOneTimeProblem(damaged, flipped, 0);
    }

    @Test
    void aFlippedTimestampBitInNmnistDoesNotSendTimeBack(@TempDir Path dir) throws IOException {
        Path real = TestData.shared("event-camera/nmnist_tonic_sample.bin");
        byte[] f = Files.readAllBytes(real);
        int flipped = 5 * 1000;
        f[flipped + 2] ^= 0x40;   // timestamp bit 22: 4.19 s ahead (within the 60 s bound), then back
        Path damagedFile = Files.write(dir.resolve("flipped.bin"), f);

        TimeLine original = TimeLine.read(real, LogFormat.NMNIST, FormatOptions.defaults());
        TimeLine damaged = TimeLine.read(damagedFile, LogFormat.NMNIST, FormatOptions.defaults());
        assertEquals(original.events(), damaged.events());
        assertEquals(0, damaged.stepsBack(), "time never runs backwards");
        assertTrue(damaged.spanSeconds() <= original.spanSeconds() + 4.2, damaged + " vs " + original);
        assertOneTimeProblem(damaged, flipped + 5, 0);
    }

    @Test
    void aLowerBoundCatchesDamageWithinTheRangeOfShortCounters(@TempDir Path dir) throws IOException {
        FormatOptions oneSecond = FormatOptions.defaults().withMaxTimeJumpUs(1_000_000);
        Path nmnist = TestData.shared("event-camera/nmnist_tonic_sample.bin");
        byte[] n = Files.readAllBytes(nmnist);
        n[5 * 1000 + 2] ^= 0x40;
        TimeLine nOriginal = TimeLine.read(nmnist, LogFormat.NMNIST, oneSecond);
        TimeLine nDamaged = TimeLine.read(Files.write(dir.resolve("f.bin"), n), LogFormat.NMNIST, oneSecond);
        assertEquals(List.of(), nOriginal.problems());
        assertTrue(nDamaged.spanSeconds() <= nOriginal.spanSeconds(), nDamaged + " vs " + nOriginal);
        assertOneTimeProblem(nDamaged, 5 * 1000, 0);

        Path evt3 = TestData.shared("event-camera/prophesee_gen41_evt3_small_expelliarmus.raw");
        byte[] e = Files.readAllBytes(evt3);
        int word = afterPercentHeader(e);
        for (int seen = 0; (e[word + 1] & 0xF0) != 0x80 || seen++ < 5; word += 2) {
            assertTrue(word < e.length - 2, "a sixth TIME_HIGH word");
        }
        e[word + 1] ^= 0x08;   // TIME_HIGH bit 11: 8.4 s ahead, then a faked 24-bit wrap
        TimeLine eOriginal = TimeLine.read(evt3, LogFormat.EVT3, oneSecond);
        TimeLine eDamaged = TimeLine.read(Files.write(dir.resolve("f.raw"), e), LogFormat.EVT3, oneSecond);
        assertEquals(List.of(), eOriginal.problems());
        assertEquals(eOriginal.events(), eDamaged.events());
        assertTrue(eDamaged.spanSeconds() <= eOriginal.spanSeconds(), eDamaged + " vs " + eOriginal);
        assertOneTimeProblem(eDamaged, word, 64);
    }

    @Test
    void aDamagedAedat2TimestampIsRebased(@TempDir Path dir) throws IOException {
        int[] addresses = new int[3000];
        int[] times = new int[3000];
        for (int i = 0; i < times.length; i++) {
            addresses[i] = (i % 128) << 1;
            times[i] = 1_000 + 10 * i;
        }
        times[1500] = 1_900_000_000;   // 31 minutes ahead of its neighbours
        Path f = Aedat2And31SpecTest.aedat2(dir, "DVS128", addresses, times);
        TimeLine damaged = TimeLine.read(f, LogFormat.AEDAT2, FormatOptions.defaults());
        assertEquals(3000, damaged.events());
        assertEquals(0, damaged.stepsBack());
        assertTrue(damaged.spanSeconds() < 0.03, damaged::toString);
        assertEquals(1, damaged.problems().size(), damaged.problems()::toString);
    }

    @Test
    void aDamagedAedat4TimestampIsRebasedWhileAbsoluteUnixTimeIsNotAJump(@TempDir Path dir) throws IOException {
        long unixUs = 1_633_953_690_975_950L;
        StreamDescriptor d = StreamDescriptor.dvs(0, "c", 64, 64);
        EventBatch b = new EventBatch(d, 4000);
        for (int i = 0; i < 4000; i++) {
            b.add(unixUs + 25L * i, i % 64, i / 64 % 64, i & 1);
        }
        b.times()[2500] = unixUs + 90L * 86_400_000_000L;   // 90 days ahead
        Path f = dir.resolve("jump.aedat4");
        try (Aedat4Writer w = new Aedat4Writer(f, Aedat4Compression.NONE, "c", 64, 64, false)) {
            w.writeEvents(b, 0, 2000);
            w.writeEvents(b, 2000, 4000);
        }
        TimeLine damaged = TimeLine.read(f, LogFormat.AEDAT4, FormatOptions.defaults());
        assertEquals(4000, damaged.events());
        assertEquals(unixUs, damaged.first(), "the first event's absolute time is kept as it is");
        assertEquals(0, damaged.stepsBack());
        assertTrue(damaged.largestStep() <= DEFAULT_BOUND_US && damaged.spanSeconds() < 0.1, damaged::toString);
        assertEquals(1, damaged.problems().size(), damaged.problems()::toString);
    }

    @Test
    void realRecordingsHaveNoTimeProblems() throws IOException {
        for (String name : List.of("davis346_aestream_example.aedat4", "prophesee_gen3_evt2_faery.raw",
                "prophesee_gen41_evt3_small_expelliarmus.raw", "prophesee_dat2_expelliarmus.dat", "nmnist_tonic_sample.bin")) {
            Path f = TestData.shared("event-camera/" + name);
            TimeLine t = TimeLine.read(f, LogFormats.detectFormat(f), FormatOptions.defaults());
            assertEquals(List.of(), t.problems(), name);
            assertEquals(0, t.stepsBack(), name);
        }
    }
}
