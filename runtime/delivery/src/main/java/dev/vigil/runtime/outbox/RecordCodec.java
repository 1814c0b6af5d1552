package dev.vigil.runtime.outbox;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.zip.CRC32C;

/**
 * The layout of one segment record, named once (big-endian): a header {@code int bodyLength,
 * int crc32c(body)}, then the body {@code long seq, long wallMs, byte qos, short topicLength,
 * topic (UTF-8), payload}. Encodes records for appending, verifies them on recovery (and finds the
 * next sound record after damage) and decodes them for sending.
 */
final class RecordCodec {
    /** Header bytes: body length and CRC. */
    static final int HEADER = Integer.BYTES + Integer.BYTES;
    /** Body bytes before the topic: seq, wall time, QoS and topic length. */
    static final int FIXED_BODY = Long.BYTES + Long.BYTES + Byte.BYTES + Short.BYTES;
    /** Largest body written or accepted when read, bytes. */
    static final int MAX_BODY = 1 << 20;

    private static final int LENGTH_AT = 0;
    private static final int CRC_AT = Integer.BYTES;
    private static final int SEQ_AT = 0;
    private static final int WALL_MS_AT = SEQ_AT + Long.BYTES;
    private static final int QOS_AT = WALL_MS_AT + Long.BYTES;
    private static final int TOPIC_LENGTH_AT = QOS_AT + Byte.BYTES;

    /** What {@link #verify} found at an offset. */
    sealed interface Verdict permits Intact, Damaged {
    }

    /** A sound record of {@code length} bytes, header included. */
    record Intact(int length) implements Verdict {
    }

    /** A damaged record: its kind, and a one-line detail for the log. */
    record Damaged(Damage damage, String detail) implements Verdict {
    }

    private RecordCodec() {
    }

    /**
     * The whole record, header and body, ready to append.
     *
     * @throws IllegalArgumentException when the body would exceed {@value #MAX_BODY} bytes
     */
    static ByteBuffer encode(long seq, long wallMs, int qos, String topic, byte[] payload) {
        byte[] t = topic.getBytes(StandardCharsets.UTF_8);
        int len = FIXED_BODY + t.length + payload.length;
        if (len > MAX_BODY || t.length > Short.MAX_VALUE) {
            throw new IllegalArgumentException("message for " + topic + " is " + len + " bytes; the outbox takes at most " + MAX_BODY);
        }
        ByteBuffer rec = ByteBuffer.allocate(HEADER + len);
        rec.putInt(len).putInt(0).putLong(seq).putLong(wallMs).put((byte) qos).putShort((short) t.length).put(t).put(payload);
        rec.putInt(CRC_AT, crc32c(rec.array(), HEADER, len));
        return rec.flip();
    }

    /**
     * Checks the record at {@code pos} of a segment file mapped as {@code file}: whole, of a plausible
     * length, matching its CRC and numbered {@code expectedSeq}.
     */
    static Verdict verify(ByteBuffer file, int pos, long expectedSeq) {
        int size = file.limit();
        if (size - pos < HEADER) {
            return new Damaged(Damage.TORN_HEADER, "torn record header");
        }
        int len = file.getInt(pos + LENGTH_AT);
        if (len < FIXED_BODY || len > MAX_BODY) {
            return new Damaged(Damage.LENGTH_OUT_OF_RANGE, "record length " + len + " outside " + FIXED_BODY + ".." + MAX_BODY);
        }
        if ((long) pos + HEADER + len > size) {
            return new Damaged(Damage.TORN_BODY, "torn record body (" + len + " bytes announced, " + (size - pos - HEADER) + " present)");
        }
        if (crc32c(file, pos + HEADER, len) != file.getInt(pos + CRC_AT)) {
            return new Damaged(Damage.CRC_MISMATCH, "CRC mismatch");
        }
        long seq = file.getLong(pos + HEADER + SEQ_AT);
        if (seq != expectedSeq) {
            return new Damaged(Damage.SEQUENCE_MISMATCH, "sequence " + seq + " where " + expectedSeq + " was expected");
        }
        return new Intact(HEADER + len);
    }

    /** A sound record found after damage: where it starts and its sequence number. */
    record Found(int pos, long seq) {
    }

    /**
     * The first sound record at or after {@code from}, where damage begins, that can follow it: whole,
     * matching its CRC, and numbered from {@code expectedSeq} (the damaged record's) up to one more than
     * the records the damaged bytes before it could have held, and below {@code seqLimit} (the next
     * segment's first). Empty when there is none before the end of {@code file}.
     */
    static Optional<Found> resync(ByteBuffer file, int from, long expectedSeq, long seqLimit) {
        int size = file.limit();
        for (int q = from; (long) q + HEADER + FIXED_BODY <= size; q++) {
            int len = file.getInt(q + LENGTH_AT);
            if (len < FIXED_BODY || len > MAX_BODY || (long) q + HEADER + len > size) {
                continue;
            }
            long seq = file.getLong(q + HEADER + SEQ_AT);
            long latest = expectedSeq + (q - from) / (HEADER + FIXED_BODY) + 1;
            if (seq < expectedSeq || seq > latest || seq >= seqLimit) {
                continue;
            }
            if (crc32c(file, q + HEADER, len) == file.getInt(q + CRC_AT)) {
                return Optional.of(new Found(q, seq));
            }
        }
        return Optional.empty();
    }

    /**
     * How many whole records, sound or not, lie between {@code from} and the end of {@code file},
     * walking their length fields; empty when a length field is out of range, so that the count is not
     * known. A torn last record is not counted.
     */
    static OptionalLong framesToEnd(ByteBuffer file, int from) {
        int size = file.limit();
        long frames = 0;
        long pos = from;
        while (pos + HEADER <= size) {
            int len = file.getInt((int) pos + LENGTH_AT);
            if (len < FIXED_BODY || len > MAX_BODY) {
                return OptionalLong.empty();
            }
            pos += HEADER + len;
            if (pos <= size) {
                frames++;
            }
        }
        return OptionalLong.of(frames);
    }

    /**
     * The body of the record at {@code pos}, which recovery or an append has already verified.
     *
     * @throws IOException naming {@code file} and the offset when the file ends before the record does
     */
    static byte[] readBody(FileChannel ch, long pos, Path file) throws IOException {
        byte[] header = readAt(ch, pos, HEADER);
        if (header.length == HEADER) {
            int len = ByteBuffer.wrap(header).getInt(LENGTH_AT);
            byte[] body = readAt(ch, pos + HEADER, len);
            if (body.length == len) {
                return body;
            }
        }
        throw new IOException("outbox " + file + " offset " + pos + ": record shorter than written");
    }

    /** The message a record body holds. */
    static OutboxRecord decode(byte[] body) {
        ByteBuffer b = ByteBuffer.wrap(body);
        int topicLength = b.getShort(TOPIC_LENGTH_AT);
        String topic = new String(body, FIXED_BODY, topicLength, StandardCharsets.UTF_8);
        byte[] payload = new byte[body.length - FIXED_BODY - topicLength];
        b.get(FIXED_BODY + topicLength, payload);
        return new OutboxRecord(b.getLong(SEQ_AT), b.getLong(WALL_MS_AT), b.get(QOS_AT), topic, payload);
    }

    /** CRC32C of {@code length} bytes of {@code data} from {@code offset}, as stored in the files. */
    static int crc32c(ByteBuffer data, int offset, int length) {
        CRC32C c = new CRC32C();
        c.update(data.slice(offset, length));
        return (int) c.getValue();
    }

    /** CRC32C of {@code length} bytes of {@code data} from {@code offset}, as stored in the files. */
    static int crc32c(byte[] data, int offset, int length) {
        CRC32C c = new CRC32C();
        c.update(data, offset, length);
        return (int) c.getValue();
    }

    /** Up to {@code n} bytes from {@code pos}; fewer only where the file ends. */
    private static byte[] readAt(FileChannel ch, long pos, int n) throws IOException {
        return Channels.newInputStream(ch.position(pos)).readNBytes(n);
    }
}
