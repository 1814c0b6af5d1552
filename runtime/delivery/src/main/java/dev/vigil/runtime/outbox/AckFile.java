package dev.vigil.runtime.outbox;

import org.tinylog.Logger;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The outbox's {@code ack} file, rewritten in place: the highest acknowledged sequence number and the
 * drop counters, so drops made while offline are still reported after a restart. Layout (big-endian):
 * {@code long acked, long droppedFull, long droppedAge, long droppedCorrupt, int crc32c(the four)}.
 */
final class AckFile implements AutoCloseable {
    private static final int ACKED_AT = 0;
    private static final int FULL_AT = ACKED_AT + Long.BYTES;
    private static final int AGE_AT = FULL_AT + Long.BYTES;
    private static final int CORRUPT_AT = AGE_AT + Long.BYTES;
    private static final int CRC_AT = CORRUPT_AT + Long.BYTES;
    private static final int BYTES = CRC_AT + Integer.BYTES;

    /**
     * What the file holds.
     *
     * @param acked          every record up to this sequence number is acknowledged or dropped
     * @param droppedFull    see {@link OutboxStats#droppedFull()}
     * @param droppedAge     see {@link OutboxStats#droppedAge()}
     * @param droppedCorrupt see {@link OutboxStats#droppedCorrupt()}
     */
    record State(long acked, long droppedFull, long droppedAge, long droppedCorrupt) {
        /** A new outbox's, or one whose ack file was lost. */
        static final State NONE = new State(0, 0, 0, 0);
    }

    private final Path dir;
    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocate(BYTES);

    private AckFile(Path dir, FileChannel channel) {
        this.dir = dir;
        this.channel = channel;
    }

    /** Opens (creating if needed) the ack file of the outbox in {@code dir}. */
    static AckFile open(Path dir) throws IOException {
        return new AckFile(dir, FileChannel.open(dir.resolve("ack"), StandardOpenOption.CREATE,
                StandardOpenOption.READ, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS));
    }

    /**
     * What the file holds; {@link State#NONE} when it is new or short, and (logged) when it is damaged:
     * messages are then sent again, never lost.
     */
    State read() throws IOException {
        byte[] stored = Channels.newInputStream(channel.position(0)).readNBytes(BYTES);
        if (stored.length < BYTES) {
            return State.NONE;
        }
        ByteBuffer b = ByteBuffer.wrap(stored);
        long acked = b.getLong(ACKED_AT);
        if (RecordCodec.crc32c(stored, 0, CRC_AT) != b.getInt(CRC_AT) || acked < 0) {
            Logger.warn("outbox {}: the ack file is damaged; messages may be sent again (consumers de-duplicate by id)", dir);
            return State.NONE;
        }
        return new State(acked, b.getLong(FULL_AT), b.getLong(AGE_AT), b.getLong(CORRUPT_AT));
    }

    /** Replaces what the file holds. */
    void write(State state) throws IOException {
        buffer.clear();
        buffer.putLong(ACKED_AT, state.acked()).putLong(FULL_AT, state.droppedFull())
                .putLong(AGE_AT, state.droppedAge()).putLong(CORRUPT_AT, state.droppedCorrupt());
        buffer.putInt(CRC_AT, RecordCodec.crc32c(buffer.array(), 0, CRC_AT));
        while (buffer.hasRemaining()) {
            channel.write(buffer, buffer.position());
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
