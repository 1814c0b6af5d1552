package dev.vigil.runtime.outbox;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutboxTest {

    private static byte[] body(int i) {
        return ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> drain(Outbox o) throws IOException {
        List<String> out = new ArrayList<>();
        OutboxRecord r;
        while ((r = o.next()) != null) {
            out.add(r.topic() + " " + new String(r.payload(), StandardCharsets.UTF_8));
        }
        return out;
    }

    private static List<Path> segments(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith("seg-")).sorted().toList();
        }
    }

    /** An outbox in {@code dir} holding {@code n} records, none acknowledged, closed; returns its newest segment. */
    private static Path closedWith(Path dir, int n) throws IOException {
        try (Outbox o = Outbox.open(dir, 1 << 20, 1 << 16, true)) {
            for (int i = 0; i < n; i++) {
                o.append("t", body(i), 1, 0);
            }
        }
        return segments(dir).getLast();
    }

    @Test
    void recordsComeBackInOrderAcrossSegmentsAndARestart(@TempDir Path dir) throws IOException {
        try (Outbox o = Outbox.open(dir, 1 << 20, 1024, true)) {
            for (int i = 0; i < 100; i++) {
                assertEquals(i + 1, o.append("t/" + i, body(i), 1, 1000 + i));
            }
            assertTrue(segments(dir).size() > 3, "1 KiB segments roll over");
            assertEquals(100, o.depth());
        }
        try (Outbox o = Outbox.open(dir, 1 << 20, 1024, true)) {
            assertEquals(100, o.depth(), "nothing acknowledged, everything is still there after reopening");
            List<String> got = drain(o);
            assertEquals(100, got.size());
            for (int i = 0; i < 100; i++) {
                assertEquals("t/" + i + " {\"n\":" + i + "}", got.get(i));
            }
        }
    }

    @Test
    void acknowledgedRecordsAreNotSentAgainAndRewindResends(@TempDir Path dir) throws IOException {
        try (Outbox o = Outbox.open(dir, 1 << 20, 1024, false)) {
            for (int i = 0; i < 50; i++) {
                o.append("t", body(i), 1, 0);
            }
            for (int i = 0; i < 30; i++) {
                o.next();
            }
            o.acknowledge(20);
            assertEquals(30, o.depth());
            o.rewind();
            assertEquals(21, o.next().seq(), "after a lost connection, sending resumes at the first unacknowledged");
        }
        try (Outbox o = Outbox.open(dir, 1 << 20, 1024, false)) {
            assertEquals(30, o.depth());
            assertEquals(21, o.next().seq());
            o.acknowledge(50);
            assertEquals(0, o.depth());
            assertNull(o.next());
            assertEquals(51, o.append("t", body(51), 1, 0), "sequence numbers are never reused");
            o.acknowledge(51);
        }
        assertTrue(segments(dir).isEmpty(), "an empty outbox leaves no segment behind");
    }

    @Test
    void fullOutboxDropsTheOldestAndCountsThem(@TempDir Path dir) throws IOException {
        try (Outbox o = Outbox.open(dir, 4096, 1024, false)) {
            int n = 2000;
            for (int i = 0; i < n; i++) {
                o.append("topic", body(i), 1, 0);
                assertTrue(o.stats().bytes() <= 4096 + 1024, "disk use stays bounded: " + o.stats());
                assertTrue(o.stats().segments() <= 6, "the in-memory index stays bounded: " + o.stats());
            }
            OutboxStats s = o.stats();
            assertTrue(s.droppedFull() > 0);
            assertEquals(n, s.depth() + s.droppedFull(), "every record is either waiting or counted as dropped");
            List<String> left = drain(o);
            assertEquals(s.depth(), left.size());
            assertEquals("topic {\"n\":" + (n - 1) + "}", left.getLast(), "the newest are kept");
            assertEquals("topic {\"n\":" + (n - left.size()) + "}", left.getFirst(), "the oldest went first, in order");
        }
    }

    @Test
    void aTornTailIsCutAndEverythingBeforeItSurvives(@TempDir Path dir) throws IOException {
        try (Outbox o = Outbox.open(dir, 1 << 20, 1 << 16, true)) {
            for (int i = 0; i < 10; i++) {
                o.append("t", body(i), 1, 0);
            }
        }
        Path seg = segments(dir).getLast();
        long size = Files.size(seg);
        try (FileChannel ch = FileChannel.open(seg, StandardOpenOption.WRITE)) {
            ch.truncate(size - 3);
        }
        try (Outbox o = Outbox.open(dir, 1 << 20, 1 << 16, true)) {
            assertEquals(9, o.depth(), "the half-written last record is dropped, the nine before it kept");
            assertEquals(10, o.append("t", body(10), 1, 0), "the torn record's sequence number is reused once cut");
            List<String> got = drain(o);
            assertEquals(10, got.size());
            assertEquals("t {\"n\":10}", got.getLast());
        }
    }

    @Test
    void aFlippedPayloadByteCostsTheDamagedRecordOnly(@TempDir Path dir) throws IOException {
        int n = 120;
        List<Integer> offsets = new ArrayList<>();
        try (Outbox o = Outbox.open(dir, 1 << 20, 1 << 16, true)) {
            for (int i = 0; i < n; i++) {
                offsets.add((int) o.stats().bytes());
                o.append("t", body(i), 1, 0);
            }
        }
        Path seg = segments(dir).getLast();
        byte[] bytes = Files.readAllBytes(seg);
        bytes[offsets.get(41) - 2] ^= 0x40;
        Files.write(seg, bytes);
        try (Outbox o = Outbox.open(dir, 1 << 20, 1 << 16, true)) {
            assertEquals(n - 1, o.depth(), "every record but the damaged one survives");
            assertEquals(1, o.stats().droppedCorrupt(), "and exactly one is counted lost");
            List<String> got = drain(o);
            assertEquals(n - 1, got.size());
            assertEquals("t {\"n\":39}", got.get(39));
            assertEquals("t {\"n\":41}", got.get(40), "record 40 is skipped, 41 follows 39");
            assertEquals("t {\"n\":" + (n - 1) + "}", got.getLast());
        }
        try (Outbox o = Outbox.open(dir, 1 << 20, 1 << 16, true)) {
            assertEquals(n - 1, o.depth(), "the repaired outbox opens clean");
            assertEquals(1, o.stats().droppedCorrupt(), "the count is kept in the ack file, not made again");
        }
    }

    @Test
    void aTornTailIsNotCountedButADamagedRecordIsAndTheCountSurvives(@TempDir Path dir) throws IOException {
        Path seg = closedWith(dir, 3);
        Files.write(seg, Arrays.copyOf(Files.readAllBytes(seg), (int) Files.size(seg) - 1));
        try (Outbox o = Outbox.open(dir, 1 << 20, 1 << 16, true)) {
            assertEquals(2, o.depth());
            assertEquals(0, o.stats().droppedCorrupt(), "a torn tail is the record being written when the process stopped");
        }
        byte[] bytes = Files.readAllBytes(seg);
        bytes[bytes.length / 2 - 1] ^= 0x01;
        Files.write(seg, bytes);
        try (Outbox o = Outbox.open(dir, 1 << 20, 1 << 16, true)) {
            assertEquals(1, o.depth());
            assertEquals(1, o.stats().droppedCorrupt(), "the damaged first record");
        }
        try (Outbox o = Outbox.open(dir, 1 << 20, 1 << 16, true)) {
            assertEquals(1, o.stats().droppedCorrupt(), "kept in the ack file across a restart");
        }
    }

    @Test
    void damageInAnAcknowledgedRecordIsNotCounted(@TempDir Path dir) throws IOException {
        Path seg;
        try (Outbox o = Outbox.open(dir, 1 << 20, 1 << 16, true)) {
            for (int i = 0; i < 10; i++) {
                o.append("t", body(i), 1, 0);
            }
            o.acknowledge(4);
            seg = segments(dir).getLast();
        }
        byte[] bytes = Files.readAllBytes(seg);
        bytes[bytes.length / 10 * 2 + 5] ^= 0x01;
        Files.write(seg, bytes);
        try (Outbox o = Outbox.open(dir, 1 << 20, 1 << 16, true)) {
            assertEquals(6, o.depth());
            assertEquals(0, o.stats().droppedCorrupt(), "record 3 had been delivered");
        }
    }

    @Test
    void aHostileLengthFieldIsDamageNotAnAllocation(@TempDir Path dir) throws IOException {
        try (Outbox o = Outbox.open(dir, 1 << 20, 1 << 16, true)) {
            o.append("t", body(0), 1, 0);
        }
        Path seg = segments(dir).getLast();
        try (FileChannel ch = FileChannel.open(seg, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ch.write(java.nio.ByteBuffer.allocate(12).putInt(Integer.MAX_VALUE).putInt(0).putInt(0).flip());
        }
        try (Outbox o = Outbox.open(dir, 1 << 20, 1 << 16, true)) {
            assertEquals(1, o.depth());
            assertEquals(1, o.stats().droppedCorrupt(), "an unreadable end counts as at least one lost record");
        }
    }

    @Test
    void oneProcessAtATime(@TempDir Path dir) throws IOException {
        try (Outbox ignored = Outbox.open(dir, 1 << 20, 1024, false)) {
            OutboxLockedException e = assertThrows(OutboxLockedException.class, () -> Outbox.open(dir, 1 << 20, 1024, false));
            assertTrue(e.getMessage().contains(dir.toString()));
        }
    }

    @Test
    void appendsFromOneThreadAreReadInOrderByAnother(@TempDir Path dir) throws Exception {
        int n = 2000;
        try (Outbox o = Outbox.open(dir, 1 << 22, 4096, false)) {
            Thread writer = Thread.ofPlatform().start(() -> {
                for (int i = 0; i < n; i++) {
                    try {
                        o.append("t", body(i), 1, 0);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
            List<String> got = new ArrayList<>();
            long deadline = System.currentTimeMillis() + 10_000;
            while (got.size() < n && System.currentTimeMillis() < deadline) {
                OutboxRecord r = o.next();
                if (r != null) {
                    got.add(new String(r.payload(), StandardCharsets.UTF_8));
                    o.acknowledge(r.seq());
                }
            }
            writer.join();
            assertEquals(n, got.size());
            for (int i = 0; i < n; i++) {
                assertEquals("{\"n\":" + i + "}", got.get(i));
            }
            assertEquals(0, o.depth());
        }
    }

    @Test
    void appendingToAClosedOutboxFails(@TempDir Path dir) throws IOException {
        Outbox o = Outbox.open(dir, 1 << 20, 1024, true);
        o.close();
        IOException e = assertThrows(IOException.class, () -> o.append("t", body(1), 1, 0));
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
    }

    @Test
    void aLinkedOrSharedDirectoryIsRefused(@TempDir Path dir) throws IOException {
        Path real = Files.createDirectories(dir.resolve("real"));
        Path link = Files.createSymbolicLink(dir.resolve("link"), real);
        UnsafeDirectoryException linked = assertThrows(UnsafeDirectoryException.class, () -> Outbox.open(link, 1 << 20, 1024, true));
        assertTrue(linked.getMessage().contains(link + " is a symbolic link"), linked.getMessage());
        Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rwxrwxrwx"));
        UnsafeDirectoryException shared = assertThrows(UnsafeDirectoryException.class, () -> Outbox.open(real, 1 << 20, 1024, true));
        assertTrue(shared.getMessage().contains("can be written by other users"), shared.getMessage());
        try (var files = Files.list(real)) {
            assertEquals(0, files.count(), "nothing was created in either");
        }
        Path fresh = dir.resolve("a/b/outbox");
        Outbox.open(fresh, 1 << 20, 1024, true).close();
        for (Path p : List.of(fresh, fresh.getParent(), fresh.getParent().getParent())) {
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(p)), p + " is created private");
        }
    }

    @Test
    void anOversizedMessageIsRefusedWithItsTopic(@TempDir Path dir) throws IOException {
        try (Outbox o = Outbox.open(dir, 1 << 22, 1 << 21, false)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> o.append("big/topic", new byte[Outbox.MAX_BODY], 1, 0));
            assertTrue(e.getMessage().contains("big/topic"));
            assertEquals(0, o.depth());
        }
    }
}
