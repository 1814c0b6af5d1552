package dev.vigil.runtime.outbox;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SegmentTest {

    /** A segment of {@code n} records numbered from {@code first}, closed. */
    private static Segment written(Path dir, long first, int n) throws IOException {
        Segment seg = Segment.create(dir, first);
        seg.openForAppend();
        for (long seq = first; seq < first + n; seq++) {
            seg.append(RecordCodec.encode(seq, 0, 1, "t/" + seq, "{}".getBytes(StandardCharsets.UTF_8)), seq, true);
        }
        seg.closeWriter();
        return seg;
    }

    @Test
    void appendedRecordsReadBackAndRecoverWhole(@TempDir Path dir) throws IOException {
        Segment seg = written(dir, 5, 3);
        assertEquals(Files.size(seg.path()), seg.bytes());
        assertEquals(7, seg.lastSeq());
        long pos = 0;
        for (long seq = 5; seq <= 7; seq++) {
            byte[] body = seg.readBody(pos);
            pos += RecordCodec.HEADER + body.length;
            assertEquals("t/" + seq, RecordCodec.decode(body).topic());
        }
        seg.closeReader();

        SegmentRecovery.Result r = SegmentRecovery.recover(seg.path(), OptionalLong.empty());
        assertEquals(0, r.lost());
        assertEquals(Optional.empty(), r.rest());
        assertEquals(5, r.segment().firstSeq());
        assertEquals(7, r.segment().lastSeq());
        assertEquals(seg.bytes(), r.segment().bytes());
    }

    @Test
    void recoverySkipsADamagedRecordAndMovesTheRestToASegmentOfItsOwn(@TempDir Path dir) throws IOException {
        Segment seg = written(dir, 1, 5);
        byte[] bytes = Files.readAllBytes(seg.path());
        int record = bytes.length / 5;
        bytes[2 * record + record - 1] ^= 0x10;
        Files.write(seg.path(), bytes);

        SegmentRecovery.Result r = SegmentRecovery.recover(seg.path(), OptionalLong.empty());
        assertEquals(2, r.segment().lastSeq(), "records 1 and 2 kept in place");
        assertEquals(2L * record, Files.size(seg.path()), "the file is cut where the damage began");
        assertEquals(3, r.firstLost());
        assertEquals(1, r.lost(), "record 3 alone is lost");
        assertEquals(Optional.of(Segment.fileFor(dir, 4)), r.rest(), "4 and 5 now start a segment file of their own");
        SegmentRecovery.Result rest = SegmentRecovery.recover(r.rest().orElseThrow(), OptionalLong.empty());
        assertEquals(0, rest.lost());
        assertEquals(4, rest.segment().firstSeq());
        assertEquals(5, rest.segment().lastSeq());
        assertEquals("t/5", RecordCodec.decode(rest.segment().readBody(record)).topic());
        rest.segment().closeReader();
    }

    @Test
    void aSegmentWhoseFirstRecordIsMisnumberedLosesOnlyTheMissingNumber(@TempDir Path dir) throws IOException {
        Segment seg = written(dir, 3, 2);
        Path renamed = Files.move(seg.path(), Segment.create(dir, 2).path());
        SegmentRecovery.Result r = SegmentRecovery.recover(renamed, OptionalLong.empty());
        assertTrue(r.segment().isEmpty());
        assertEquals(0, Files.size(renamed));
        assertEquals(2, r.firstLost());
        assertEquals(1, r.lost());
        assertEquals(Optional.of(Segment.fileFor(dir, 3)), r.rest());
    }

    @Test
    void aDamagedEndIsCountedExactlyUpToTheNextSegment(@TempDir Path dir) throws IOException {
        Segment seg = written(dir, 1, 6);
        byte[] bytes = Files.readAllBytes(seg.path());
        int record = bytes.length / 6;
        Arrays.fill(bytes, 3 * record, bytes.length, (byte) 0);
        Files.write(seg.path(), bytes);
        SegmentRecovery.Result r = SegmentRecovery.recover(seg.path(), OptionalLong.of(7));
        assertEquals(3, r.segment().lastSeq());
        assertEquals(4, r.firstLost());
        assertEquals(3, r.lost(), "records 4, 5 and 6: the next segment starts at 7");
        assertEquals(Optional.empty(), r.rest());
    }

    @Test
    void aTornEndOfTheNewestSegmentIsCutAndNotCounted(@TempDir Path dir) throws IOException {
        Segment seg = written(dir, 1, 3);
        byte[] bytes = Files.readAllBytes(seg.path());
        Files.write(seg.path(), Arrays.copyOf(bytes, bytes.length - 2));
        SegmentRecovery.Result r = SegmentRecovery.recover(seg.path(), OptionalLong.empty());
        assertEquals(2, r.segment().lastSeq());
        assertEquals(0, r.lost(), "the record being written when the process stopped had not been reported");
        assertEquals(2L * (bytes.length / 3), Files.size(seg.path()));
    }

    @Test
    void onlySegmentFilesAreListedOldestFirst(@TempDir Path dir) throws IOException {
        Path later = Files.createFile(Segment.create(dir, 100).path());
        Path earlier = Files.createFile(Segment.create(dir, 9).path());
        Files.createFile(dir.resolve("ack"));
        Files.createFile(dir.resolve("seg-12.log"));
        Files.createFile(dir.resolve("seg-00000000000000000001.log.tmp"));
        assertEquals(List.of(earlier, later), Segment.files(dir));
    }

    @Test
    void deletingClosesAndRemovesTheFile(@TempDir Path dir) throws IOException {
        Segment seg = written(dir, 1, 1);
        seg.readBody(0);
        seg.openForAppend();
        assertTrue(seg.isWritable());
        seg.append(RecordCodec.encode(2, 0, 1, "t", new byte[0]), 2, false);
        seg.delete();
        assertFalse(Files.exists(seg.path()));
        assertFalse(seg.isWritable());
    }

    @Test
    void anAppendGrowsTheFileByTheEncodedRecord(@TempDir Path dir) throws IOException {
        Segment seg = Segment.create(dir, 1);
        seg.openForAppend();
        ByteBuffer rec = RecordCodec.encode(1, 0, 0, "a/b", new byte[10]);
        int length = rec.remaining();
        seg.append(rec, 1, true);
        assertEquals(length, seg.bytes());
        assertEquals(length, Files.size(seg.path()));
        assertEquals(1, seg.lastSeq());
        seg.delete();
    }
}
