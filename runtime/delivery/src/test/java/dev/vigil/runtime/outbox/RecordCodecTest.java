package dev.vigil.runtime.outbox;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecordCodecTest {

    private static byte[] encoded(long seq, String topic, String payload) {
        ByteBuffer b = RecordCodec.encode(seq, 1_700_000_000_000L + seq, 1, topic, payload.getBytes(StandardCharsets.UTF_8));
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }

    /** A file {@code seg} in {@code dir} holding {@code records} one after the other. */
    private static Path fileOf(Path dir, byte[]... records) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] r : records) {
            out.write(r);
        }
        return Files.write(dir.resolve("seg"), out.toByteArray());
    }

    private static RecordCodec.Verdict verify(Path file, int pos, long expectedSeq) throws IOException {
        return RecordCodec.verify(ByteBuffer.wrap(Files.readAllBytes(file)), pos, expectedSeq);
    }

    private static ByteBuffer concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return ByteBuffer.wrap(out.toByteArray());
    }

    private static Damage damageIn(Path dir, byte[] bytes, long expectedSeq) throws IOException {
        Path file = fileOf(dir, bytes);
        RecordCodec.Verdict v = verify(file, 0, expectedSeq);
        return v instanceof RecordCodec.Damaged d ? d.damage() : null;
    }

    @Test
    void aRecordComesBackAsWritten(@TempDir Path dir) throws IOException {
        byte[] first = encoded(41, "vigil/ß/detections", "{\"n\":1}");
        byte[] second = encoded(42, "t", "");
        Path file = fileOf(dir, first, second);

        assertEquals(new RecordCodec.Intact(first.length), verify(file, 0, 41));
        assertEquals(new RecordCodec.Intact(second.length), verify(file, first.length, 42));
        assertEquals(RecordCodec.HEADER + RecordCodec.FIXED_BODY + "vigil/ß/detections".getBytes(StandardCharsets.UTF_8).length
                + "{\"n\":1}".length(), first.length, "header, fixed fields, UTF-8 topic, payload");
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            OutboxRecord a = RecordCodec.decode(RecordCodec.readBody(ch, 0, file));
            OutboxRecord b = RecordCodec.decode(RecordCodec.readBody(ch, first.length, file));
            assertEquals(41, a.seq());
            assertEquals(1_700_000_000_041L, a.wallMs());
            assertEquals(1, a.qos());
            assertEquals("vigil/ß/detections", a.topic());
            assertArrayEquals("{\"n\":1}".getBytes(StandardCharsets.UTF_8), a.payload());
            assertEquals(42, b.seq());
            assertEquals("t", b.topic());
            assertEquals(0, b.payload().length);
        }
    }

    @Test
    void aBodyOverTheLimitOrATopicOverAShortIsRefused() {
        IllegalArgumentException big = assertThrows(IllegalArgumentException.class,
                () -> RecordCodec.encode(1, 0, 1, "big/topic", new byte[RecordCodec.MAX_BODY]));
        assertTrue(big.getMessage().contains("big/topic"), big.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RecordCodec.encode(1, 0, 1, "t".repeat(Short.MAX_VALUE + 1), new byte[0]));
        int largest = RecordCodec.MAX_BODY - RecordCodec.FIXED_BODY - 1;
        assertEquals(RecordCodec.HEADER + RecordCodec.MAX_BODY, RecordCodec.encode(1, 0, 1, "t", new byte[largest]).remaining());
    }

    @Test
    void aFileEndingInsideTheHeaderIsATornHeader(@TempDir Path dir) throws IOException {
        assertEquals(Damage.TORN_HEADER, damageIn(dir, Arrays.copyOf(encoded(1, "t", "x"), RecordCodec.HEADER - 1), 1));
    }

    @Test
    void anImplausibleLengthIsDamage(@TempDir Path dir) throws IOException {
        byte[] rec = encoded(1, "t", "x");
        ByteBuffer.wrap(rec).putInt(0, RecordCodec.MAX_BODY + 1);
        assertEquals(Damage.LENGTH_OUT_OF_RANGE, damageIn(dir, rec, 1));
        ByteBuffer.wrap(rec).putInt(0, RecordCodec.FIXED_BODY - 1);
        assertEquals(Damage.LENGTH_OUT_OF_RANGE, damageIn(dir, rec, 1));
        ByteBuffer.wrap(rec).putInt(0, -1);
        assertEquals(Damage.LENGTH_OUT_OF_RANGE, damageIn(dir, rec, 1));
    }

    @Test
    void aFileEndingInsideTheBodyIsATornBody(@TempDir Path dir) throws IOException {
        byte[] rec = encoded(1, "t", "payload");
        assertEquals(Damage.TORN_BODY, damageIn(dir, Arrays.copyOf(rec, rec.length - 1), 1));
    }

    @Test
    void aFlippedBitIsACrcMismatch(@TempDir Path dir) throws IOException {
        byte[] rec = encoded(1, "t", "payload");
        rec[rec.length - 1] ^= 0x01;
        assertEquals(Damage.CRC_MISMATCH, damageIn(dir, rec, 1));
        byte[] crc = encoded(1, "t", "payload");
        crc[RecordCodec.HEADER - 1] ^= 0x01;
        assertEquals(Damage.CRC_MISMATCH, damageIn(dir, crc, 1), "the stored CRC itself damaged");
    }

    @Test
    void aSoundRecordWithTheWrongNumberIsASequenceMismatch(@TempDir Path dir) throws IOException {
        byte[] rec = encoded(7, "t", "x");
        assertEquals(Damage.SEQUENCE_MISMATCH, damageIn(dir, rec, 8));
        assertEquals(Damage.SEQUENCE_MISMATCH, damageIn(dir, rec, 6));
        assertNull(damageIn(dir, rec, 7));
    }

    @Test
    void resynchronisingFindsTheNextSoundRecordThatCanFollow() {
        byte[] a = encoded(5, "t", "first");
        byte[] b = encoded(6, "t", "second");
        byte[] c = encoded(7, "t", "third");
        b[b.length - 1] ^= 0x04;
        ByteBuffer file = concat(a, b, c);
        assertEquals(Optional.of(new RecordCodec.Found(a.length + b.length, 7)), RecordCodec.resync(file, a.length, 6, Long.MAX_VALUE),
                "record 6 is damaged: 7 is next, found past the damaged bytes");
        assertEquals(Optional.empty(), RecordCodec.resync(file, a.length, 6, 7), "not at or beyond the next segment's first");
        assertEquals(Optional.empty(), RecordCodec.resync(concat(a, encoded(900, "t", "x")), a.length, 6, Long.MAX_VALUE),
                "a sound record numbered far beyond what the damaged bytes could have held is not taken");
        assertEquals(Optional.empty(), RecordCodec.resync(concat(a, encoded(4, "t", "x")), a.length, 6, Long.MAX_VALUE),
                "nor one numbered before the damage");
        assertEquals(Optional.of(new RecordCodec.Found(0, 2)), RecordCodec.resync(concat(encoded(2, "t", "x")), 0, 1, Long.MAX_VALUE),
                "one record missing without a trace");
    }

    @Test
    void framesAreCountedToTheEndWhenTheirLengthsCanBeRead() {
        byte[] a = encoded(1, "t", "a");
        byte[] b = encoded(2, "t", "b");
        a[a.length - 1] ^= 0x01;
        assertEquals(OptionalLong.of(2), RecordCodec.framesToEnd(concat(a, b), 0));
        assertEquals(OptionalLong.of(1), RecordCodec.framesToEnd(concat(a, Arrays.copyOf(b, b.length - 1)), 0),
                "a torn last frame is not counted");
        byte[] bad = encoded(1, "t", "a");
        ByteBuffer.wrap(bad).putInt(0, -5);
        assertEquals(OptionalLong.empty(), RecordCodec.framesToEnd(concat(b, bad), 0));
    }

    @Test
    void readingARecordCutShortNamesTheFileAndOffset(@TempDir Path dir) throws IOException {
        byte[] first = encoded(1, "t", "x");
        byte[] second = encoded(2, "t", "payload");
        Path file = fileOf(dir, first, Arrays.copyOf(second, second.length - 2));
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            IOException body = assertThrows(IOException.class, () -> RecordCodec.readBody(ch, first.length, file));
            assertEquals("outbox " + file + " offset " + first.length + ": record shorter than written", body.getMessage());
            assertThrows(IOException.class, () -> RecordCodec.readBody(ch, first.length + second.length - 4, file),
                    "a header cut short too");
        }
    }
}
