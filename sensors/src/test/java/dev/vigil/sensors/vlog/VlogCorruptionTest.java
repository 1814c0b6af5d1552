package dev.vigil.sensors.vlog;

import dev.vigil.sensors.SourceProblem;
import dev.vigil.sensors.StreamDescriptor;
import dev.vigil.sensors.formats.LogFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Damage costs the damaged chunk and nothing else; nothing but the format's own error escapes. */
class VlogCorruptionTest {

    private static VlogFixtures.Written sample(Path dir, long seed) throws IOException {
        return VlogFixtures.write(dir.resolve("s" + seed + ".vlog"), new Random(seed), 30, 400);
    }

    private static Path copyOf(Path dir, byte[] bytes, String name) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, bytes);
        return f;
    }

    /** Reads a damaged file; returns the chunks, or null when the header itself was refused. */
    private static List<RecordedChunk> readDamaged(Path f, List<SourceProblem> problems) {
        return assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            try (VlogReader r = new VlogReader(f)) {
                List<RecordedChunk> chunks = VlogFixtures.readAll(r);
                problems.addAll(r.problems());
                return chunks;
            } catch (VlogFormatException e) {
                return null;
            }
        });
    }

    @Test
    void truncatingAtEveryChunkBoundaryKeepsEveryWholeChunk(@TempDir Path dir) throws IOException {
        VlogFixtures.Written w = sample(dir, 1);
        byte[] all = Files.readAllBytes(w.file());
        for (int k = 0; k < w.ends().size(); k++) {
            Path f = copyOf(dir, Arrays.copyOf(all, w.ends().get(k).intValue()), "cut.vlog");
            List<SourceProblem> problems = new ArrayList<>();
            List<RecordedChunk> back = readDamaged(f, problems);
            assertEquals(k + 1, back.size());
            for (int i = 0; i <= k; i++) {
                assertTrue(w.chunks().get(i).sameAs(back.get(i)));
            }
            assertEquals(List.of(), problems);
        }
    }

    @Test
    void truncatingAnywhereLosesOnlyTheTornChunk(@TempDir Path dir) throws IOException {
        VlogFixtures.Written w = sample(dir, 2);
        byte[] all = Files.readAllBytes(w.file());
        Random r = new Random(3);
        for (int trial = 0; trial < 200; trial++) {
            int cut = trial < 40 ? r.nextInt((int) w.headerEnd() + 1) : r.nextInt(all.length);
            Path f = copyOf(dir, Arrays.copyOf(all, cut), "cut.vlog");
            List<SourceProblem> problems = new ArrayList<>();
            List<RecordedChunk> back = readDamaged(f, problems);
            if (cut < w.headerEnd()) {
                assertEquals(null, back, "a torn header is the format's error, cut at " + cut);
                continue;
            }
            int whole = 0;
            while (whole < w.ends().size() && w.ends().get(whole) <= cut) {
                whole++;
            }
            assertEquals(whole, back.size(), "cut at " + cut);
            boolean atBoundary = cut == w.headerEnd() || w.ends().contains((long) cut);
            assertEquals(atBoundary ? 0 : 1, problems.size(), "cut at " + cut + ": " + problems);
            if (!atBoundary) {
                long tornStart = whole == 0 ? w.headerEnd() : w.ends().get(whole - 1);
                assertEquals(tornStart, problems.get(0).offset());
            }
        }
    }

    @Test
    void flippedBytesLoseOnlyTheChunksTheyHit(@TempDir Path dir) throws IOException {
        VlogFixtures.Written w = sample(dir, 4);
        byte[] all = Files.readAllBytes(w.file());
        Random r = new Random(5);
        for (int trial = 0; trial < 300; trial++) {
            byte[] bad = all.clone();
            int flips = 1 + r.nextInt(3);
            boolean[] hit = new boolean[w.ends().size()];
            boolean headerHit = false;
            for (int i = 0; i < flips; i++) {
                int at = r.nextInt(bad.length);
                bad[at] ^= (byte) (1 << r.nextInt(8));
                if (at < w.headerEnd()) {
                    headerHit = true;
                }
                for (int c = 0; c < hit.length; c++) {
                    long start = c == 0 ? w.headerEnd() : w.ends().get(c - 1);
                    if (at >= start && at < w.ends().get(c)) {
                        hit[c] = true;
                    }
                }
            }
            Path f = copyOf(dir, bad, "flip.vlog");
            List<SourceProblem> problems = new ArrayList<>();
            List<RecordedChunk> back = readDamaged(f, problems);
            if (headerHit) {
                assertEquals(null, back, "the header CRC catches every flip in the header");
                continue;
            }
            List<RecordedChunk> expected = new ArrayList<>();
            for (int c = 0; c < hit.length; c++) {
                if (!hit[c]) {
                    expected.add(w.chunks().get(c));
                }
            }
            assertEquals(expected.size(), back.size(), "trial " + trial + ": " + problems);
            for (int i = 0; i < expected.size(); i++) {
                assertTrue(expected.get(i).sameAs(back.get(i)), "trial " + trial + " chunk " + i);
            }
            assertTrue(!problems.isEmpty(), "damage is reported");
        }
    }

    @Test
    void hostileLengthFieldsAllocateNothingLarge(@TempDir Path dir) throws IOException {
        StreamDescriptor d = StreamDescriptor.dvs(0, "cam", 10, 10);
        Path f = dir.resolve("hostile.vlog");
        try (VlogWriter w = new VlogWriter(f, List.of(d))) {
            w.flush();
        }
        byte[] header = Files.readAllBytes(f);
        ByteBuffer chunk = ByteBuffer.allocate(VlogFormat.CHUNK_HEADER_BYTES + 64).order(ByteOrder.LITTLE_ENDIAN);
        chunk.putInt(VlogFormat.CHUNK_MAGIC).putShort((short) 0).putShort((short) 0).putInt(Integer.MAX_VALUE / 9)
                .putInt(VlogFormat.MAX_PAYLOAD_BYTES).putLong(0).putInt(0);
        byte[] bytes = new byte[header.length + chunk.capacity()];
        System.arraycopy(header, 0, bytes, 0, header.length);
        System.arraycopy(chunk.array(), 0, bytes, header.length, chunk.capacity());
        Path bad = copyOf(dir, bytes, "bad.vlog");
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = mx.getCurrentThreadAllocatedBytes();
        List<SourceProblem> problems = new ArrayList<>();
        List<RecordedChunk> back = readDamaged(bad, problems);
        long allocated = mx.getCurrentThreadAllocatedBytes() - before;
        assertEquals(0, back.size());
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).what().contains("torn"), problems.get(0).what());
        assertTrue(allocated < 4 << 20, "allocated " + allocated + " bytes for a 64 MiB length field");
    }

    @Test
    void notAVigilRecording(@TempDir Path dir) throws IOException {
        Path f = copyOf(dir, "VIGILLOX and more bytes".getBytes(), "x.vlog");
        LogFormatException e = assertThrows(VlogFormatException.class, () -> new VlogReader(f));
        assertTrue(e.getMessage().contains("x.vlog"));
        assertEquals(0, e.offset());
    }
}
