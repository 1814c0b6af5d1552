package dev.vigil.runtime.outbox;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SegmentTest {

    /** A segment of {@code n} records numbered from {@code first}, closed. */
    private static Segment written(Path dir, long first, int n) throws IOException {
        Segment seg = Segment.create(dir, first);
        seg.openForAppend();
        for (long seq = first; seq < first + n; seq++) {
            seg.append(RecordCodec.encode(seq, 0, 1, "t/" + seq, "{}".getBytes(StandardCharsets.UTF_8)), seq);
        }
        seg.closeWriter(true);
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

        Segment.Recovered r = Segment.recover(seg.path());
        assertEquals(Optional.empty(), r.damage());
        assertEquals(5, r.segment().firstSeq());
        assertEquals(7, r.segment().lastSeq());
        assertEquals(seg.bytes(), r.segment().bytes());
    }

    @Test
    void recoveryCutsAtTheFirstDamageAndKeepsWhatCameBefore(@TempDir Path dir) throws IOException {
        Segment seg = written(dir, 1, 5);
        byte[] bytes = Files.readAllBytes(seg.path());
        int record = bytes.length / 5;
        bytes[2 * record + record - 1] ^= 0x10;
        Files.write(seg.path(), bytes);

        Segment.Recovered r = Segment.recover(seg.path());
        assertEquals(Optional.of(Damage.CRC_MISMATCH), r.damage());
        assertEquals(2, r.segment().lastSeq(), "records 1 and 2 kept; 3 damaged, 4 and 5 cut with it");
        assertEquals(2L * record, r.segment().bytes());
        assertEquals(2L * record, Files.size(seg.path()), "the file is cut there");
    }

    @Test
    void aSegmentWhoseFirstRecordIsMisnumberedIsCutToNothing(@TempDir Path dir) throws IOException {
        Segment seg = written(dir, 3, 2);
        Path renamed = Files.move(seg.path(), Segment.create(dir, 2).path());
        Segment.Recovered r = Segment.recover(renamed);
        assertEquals(Optional.of(Damage.SEQUENCE_MISMATCH), r.damage());
        assertTrue(r.segment().isEmpty());
        assertEquals(0, Files.size(renamed));
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
        seg.append(RecordCodec.encode(2, 0, 1, "t", new byte[0]), 2);
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
        seg.append(rec, 1);
        seg.force();
        assertEquals(length, seg.bytes());
        assertEquals(length, Files.size(seg.path()));
        assertEquals(1, seg.lastSeq());
        seg.delete();
    }
}
