package dev.vigil.runtime.outbox;

import org.tinylog.Logger;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * A bounded on-disk FIFO of MQTT messages: append-only segment files {@code seg-<first seq>.log} and a
 * small {@code ack} file holding the highest acknowledged sequence number and the drop counters (kept
 * across restarts, so drops made while offline are still reported once a broker answers).
 *
 * <p>Record layout (big-endian): {@code int bodyLength, int crc32c(body)}, then the body
 * {@code long seq, long wallMs, byte qos, short topicLength, topic (UTF-8), payload}. A body longer
 * than {@value #MAX_BODY} bytes is never written and, when read, is treated as damage.
 *
 * <p>On opening, every segment is checked record by record; the first damaged or torn record and
 * everything after it in that segment are cut off (counted in {@link OutboxStats#droppedCorrupt()}
 * where the count is known, and logged with file and offset). Losing the {@code ack} file only causes
 * re-sending, never loss: consumers de-duplicate by detection id.
 *
 * <p>Not thread-safe: one thread (the publisher) appends, reads and acknowledges.
 */
public final class Outbox implements AutoCloseable {
    /** Largest record body accepted, bytes. */
    public static final int MAX_BODY = 1 << 20;
    private static final int HEADER = 8;
    private static final int FIXED_BODY = 8 + 8 + 1 + 2;
    private static final String ACK_FILE = "ack";

    private final Path dir;
    private final long maxBytes;
    private final int segmentBytes;
    private final boolean fsync;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final FileChannel ackChannel;
    private final List<Segment> segments = new ArrayList<>();
    private final ByteBuffer header = ByteBuffer.allocate(HEADER + 8);
    private static final int ACK_BYTES = 8 * 4 + 4;
    private final ByteBuffer ackBuffer = ByteBuffer.allocate(ACK_BYTES);
    private FileChannel writer;
    private long nextSeq;
    private long acked;
    private long totalBytes;
    private long droppedFull;
    private long droppedAge;
    private long droppedCorrupt;
    private boolean dirty;
    private int readSegment;
    private long readPos;
    private FileChannel reader;
    private int readerSegment = -1;

    private static final class Segment {
        final Path path;
        final long firstSeq;
        long lastSeq;
        long bytes;

        Segment(Path path, long firstSeq) {
            this.path = path;
            this.firstSeq = firstSeq;
            this.lastSeq = firstSeq - 1;
        }
    }

    private Outbox(Path dir, long maxBytes, int segmentBytes, boolean fsync, FileChannel lockChannel, FileLock lock,
                   FileChannel ackChannel) {
        this.dir = dir;
        this.maxBytes = maxBytes;
        this.segmentBytes = segmentBytes;
        this.fsync = fsync;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.ackChannel = ackChannel;
    }

    /**
     * Opens (creating if needed) the outbox in {@code dir}, recovering what a previous process left.
     *
     * @param maxBytes     size limit over all segments; the oldest segment goes first
     * @param segmentBytes size at which a new segment is started
     * @param fsync        force appends to disk in {@link #sync()}
     * @throws OutboxLockedException when another process has it open
     */
    public static Outbox open(Path dir, long maxBytes, int segmentBytes, boolean fsync) throws IOException {
        Files.createDirectories(dir);
        FileChannel lockChannel = FileChannel.open(dir.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            lockChannel.close();
            throw new OutboxLockedException(dir);
        }
        FileChannel ackChannel = FileChannel.open(dir.resolve(ACK_FILE), StandardOpenOption.CREATE,
                StandardOpenOption.READ, StandardOpenOption.WRITE);
        Outbox o = new Outbox(dir, maxBytes, segmentBytes, fsync, lockChannel, lock, ackChannel);
        try {
            o.recover();
        } catch (IOException | RuntimeException e) {
            o.close();
            throw e;
        }
        return o;
    }

    private void recover() throws IOException {
        acked = readAck();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().matches("seg-\\d{20}\\.log")).sorted().toList();
        }
        for (int i = 0; i < files.size(); i++) {
            Path f = files.get(i);
            long first = Long.parseLong(f.getFileName().toString().substring(4, 24));
            Segment seg = new Segment(f, first);
            scan(seg);
            if (seg.lastSeq < seg.firstSeq || seg.lastSeq <= acked && i < files.size() - 1) {
                Files.delete(f);
                continue;
            }
            segments.add(seg);
            totalBytes += seg.bytes;
        }
        long last = segments.isEmpty() ? acked : Math.max(acked, segments.getLast().lastSeq);
        nextSeq = last + 1;
        if (!segments.isEmpty() && segments.getFirst().firstSeq > acked + 1) {
            acked = segments.getFirst().firstSeq - 1;
        }
        if (!segments.isEmpty() && segments.getLast().lastSeq < segments.getLast().firstSeq) {
            Files.deleteIfExists(segments.removeLast().path);
        }
        if (droppedCorrupt > 0) {
            writeAck();
        }
        if (depth() > 0) {
            Logger.info("outbox {}: {} message(s) from an earlier run wait for the broker", dir, depth());
        }
        rewind();
    }

    /** Reads every record of {@code seg}, cutting it at the first damaged one. */
    private void scan(Segment seg) throws IOException {
        try (FileChannel ch = FileChannel.open(seg.path, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = ch.size();
            long pos = 0;
            long expected = seg.firstSeq;
            ByteBuffer h = ByteBuffer.allocate(HEADER);
            while (pos < size) {
                String damage = null;
                h.clear();
                if (readAt(ch, h, pos) < HEADER) {
                    damage = "torn record header";
                } else {
                    int len = h.getInt(0);
                    int crc = h.getInt(4);
                    if (len < FIXED_BODY || len > MAX_BODY) {
                        damage = "record length " + len + " outside " + FIXED_BODY + ".." + MAX_BODY;
                    } else if (pos + HEADER + len > size) {
                        damage = "torn record body (" + len + " bytes announced, " + (size - pos - HEADER) + " present)";
                    } else {
                        ByteBuffer body = ByteBuffer.allocate(len);
                        readAt(ch, body, pos + HEADER);
                        if (crc32c(body.array(), len) != crc) {
                            damage = "CRC mismatch";
                        } else if (body.getLong(0) != expected) {
                            damage = "sequence " + body.getLong(0) + " where " + expected + " was expected";
                        } else {
                            expected++;
                            pos += HEADER + len;
                            continue;
                        }
                    }
                }
                Logger.warn("outbox {} offset {}: {}; cutting the segment there ({} bytes discarded)",
                        seg.path, pos, damage, size - pos);
                if (damage.startsWith("CRC") || damage.startsWith("sequence")) {
                    droppedCorrupt++;
                }
                ch.truncate(pos);
                break;
            }
            seg.lastSeq = expected - 1;
            seg.bytes = pos;
        }
    }

    private static int crc32c(byte[] data, int len) {
        CRC32C c = new CRC32C();
        c.update(data, 0, len);
        return (int) c.getValue();
    }

    /** Reads the ack file: acknowledged sequence and the drop counters, CRC-checked. */
    private long readAck() throws IOException {
        ByteBuffer b = ByteBuffer.allocate(ACK_BYTES);
        if (readAt(ackChannel, b, 0) < ACK_BYTES) {
            return 0;
        }
        CRC32C c = new CRC32C();
        c.update(b.array(), 0, ACK_BYTES - 4);
        long seq = b.getLong(0);
        if ((int) c.getValue() != b.getInt(ACK_BYTES - 4) || seq < 0) {
            Logger.warn("outbox {}: the ack file is damaged; messages may be sent again (consumers de-duplicate by id)", dir);
            return 0;
        }
        droppedFull = b.getLong(8);
        droppedAge = b.getLong(16);
        droppedCorrupt = b.getLong(24);
        return seq;
    }

    private void writeAck() throws IOException {
        ackBuffer.clear();
        ackBuffer.putLong(0, acked).putLong(8, droppedFull).putLong(16, droppedAge).putLong(24, droppedCorrupt);
        CRC32C c = new CRC32C();
        c.update(ackBuffer.array(), 0, ACK_BYTES - 4);
        ackBuffer.putInt(ACK_BYTES - 4, (int) c.getValue());
        int off = 0;
        while (off < ACK_BYTES) {
            ackBuffer.position(off);
            off += ackChannel.write(ackBuffer, off);
        }
    }

    /**
     * Appends a message and returns its sequence number. When the size limit is passed, whole oldest
     * segments are dropped and counted.
     *
     * @throws IllegalArgumentException when the record would exceed {@value #MAX_BODY} bytes
     */
    public long append(String topic, byte[] payload, int qos, long wallMs) throws IOException {
        byte[] t = topic.getBytes(StandardCharsets.UTF_8);
        int len = FIXED_BODY + t.length + payload.length;
        if (len > MAX_BODY || t.length > Short.MAX_VALUE) {
            throw new IllegalArgumentException("message for " + topic + " is " + len + " bytes; the outbox takes at most " + MAX_BODY);
        }
        Segment cur = segments.isEmpty() ? null : segments.getLast();
        if (cur == null || writer == null || cur.bytes > 0 && cur.bytes + HEADER + len > segmentBytes) {
            cur = startSegment();
        }
        ByteBuffer rec = ByteBuffer.allocate(HEADER + len);
        rec.putInt(len).putInt(0).putLong(nextSeq).putLong(wallMs).put((byte) qos).putShort((short) t.length).put(t).put(payload);
        CRC32C c = new CRC32C();
        c.update(rec.array(), HEADER, len);
        rec.putInt(4, (int) c.getValue());
        rec.flip();
        while (rec.hasRemaining()) {
            writer.write(rec);
        }
        cur.lastSeq = nextSeq;
        cur.bytes += HEADER + len;
        totalBytes += HEADER + len;
        dirty = true;
        long seq = nextSeq++;
        enforceSizeLimit();
        return seq;
    }

    private Segment startSegment() throws IOException {
        if (writer != null) {
            if (fsync && dirty) {
                writer.force(false);
            }
            writer.close();
        }
        Segment last = segments.isEmpty() ? null : segments.getLast();
        Segment seg;
        if (last != null && last.bytes == 0) {
            seg = last;
        } else {
            seg = new Segment(dir.resolve(String.format("seg-%020d.log", nextSeq)), nextSeq);
            segments.add(seg);
        }
        writer = FileChannel.open(seg.path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        return seg;
    }

    private void enforceSizeLimit() throws IOException {
        while (totalBytes > maxBytes && segments.size() > 1) {
            Segment oldest = segments.removeFirst();
            long lost = Math.max(0, oldest.lastSeq - Math.max(acked, oldest.firstSeq - 1));
            droppedFull += lost;
            totalBytes -= oldest.bytes;
            acked = Math.max(acked, oldest.lastSeq);
            writeAck();
            closeReader();
            Files.deleteIfExists(oldest.path);
            if (lost > 0) {
                Logger.warn("outbox {} is full ({} bytes): dropped the {} oldest message(s)", dir, maxBytes, lost);
            }
            if (readSegment > 0) {
                readSegment--;
            } else {
                readPos = 0;
            }
        }
    }

    /** Forces appended records to disk (with {@code fsync: batch}); call before sending them. */
    public void sync() throws IOException {
        if (fsync && dirty && writer != null) {
            writer.force(false);
        }
        dirty = false;
    }

    /** The next record after the last one returned, or null when none is stored yet. */
    public OutboxRecord next() throws IOException {
        while (readSegment < segments.size()) {
            Segment seg = segments.get(readSegment);
            if (readPos < seg.bytes) {
                FileChannel ch = readerFor(readSegment);
                header.clear().limit(HEADER);
                readAt(ch, header, readPos);
                int len = header.getInt(0);
                ByteBuffer body = ByteBuffer.allocate(len);
                if (readAt(ch, body, readPos + HEADER) < len) {
                    throw new IOException("outbox " + seg.path + " offset " + readPos + ": record shorter than written");
                }
                readPos += HEADER + len;
                long seq = body.getLong(0);
                if (seq <= acked) {
                    continue;
                }
                long wall = body.getLong(8);
                int qos = body.get(16);
                int tlen = body.getShort(17);
                String topic = new String(body.array(), FIXED_BODY, tlen, StandardCharsets.UTF_8);
                byte[] payload = new byte[len - FIXED_BODY - tlen];
                System.arraycopy(body.array(), FIXED_BODY + tlen, payload, 0, payload.length);
                return new OutboxRecord(seq, wall, qos, topic, payload);
            }
            if (readSegment == segments.size() - 1) {
                return null;
            }
            readSegment++;
            readPos = 0;
        }
        return null;
    }

    private FileChannel readerFor(int index) throws IOException {
        if (readerSegment != index || reader == null) {
            closeReader();
            reader = FileChannel.open(segments.get(index).path, StandardOpenOption.READ);
            readerSegment = index;
        }
        return reader;
    }

    private void closeReader() throws IOException {
        if (reader != null) {
            reader.close();
            reader = null;
        }
        readerSegment = -1;
    }

    /** Moves the read position back to the first unacknowledged record (after a lost connection). */
    public void rewind() throws IOException {
        closeReader();
        readSegment = 0;
        readPos = 0;
        while (readSegment < segments.size() - 1 && segments.get(readSegment).lastSeq <= acked) {
            readSegment++;
        }
    }

    /** Everything up to and including {@code seq} has been delivered (or given up) and may go. */
    public void acknowledge(long seq) throws IOException {
        if (seq <= acked) {
            return;
        }
        acked = Math.min(seq, nextSeq - 1);
        writeAck();
        while (segments.size() > 1 && segments.getFirst().lastSeq <= acked) {
            Segment done = segments.removeFirst();
            totalBytes -= done.bytes;
            closeReader();
            Files.deleteIfExists(done.path);
            if (readSegment > 0) {
                readSegment--;
            } else {
                readPos = 0;
            }
        }
    }

    /** Counts a record skipped because it was older than the age limit; acknowledge it as usual. */
    public void countExpired() {
        droppedAge++;
    }

    /** Records appended and neither acknowledged nor dropped. */
    public long depth() {
        return nextSeq - 1 - acked;
    }

    /** The directory. */
    public Path dir() {
        return dir;
    }

    /** Current figures. */
    public OutboxStats stats() {
        return new OutboxStats(depth(), totalBytes, segments.size(), droppedFull, droppedAge, droppedCorrupt);
    }

    /** Closes the files; an empty outbox leaves no segment behind. */
    @Override
    public void close() throws IOException {
        try {
            closeReader();
            if (writer != null) {
                if (fsync && dirty) {
                    writer.force(false);
                }
                writer.close();
                writer = null;
            }
            if (depth() == 0) {
                for (Segment s : segments) {
                    Files.deleteIfExists(s.path);
                }
                segments.clear();
            }
            ackChannel.close();
        } finally {
            if (lock.isValid()) {
                lock.release();
            }
            lockChannel.close();
        }
    }

    /** Reads from {@code at} until {@code b} is full or the file ends; returns the bytes read. */
    private static int readAt(FileChannel ch, ByteBuffer b, long at) throws IOException {
        int start = b.position();
        for (int n = 0; b.hasRemaining() && n >= 0; ) {
            n = ch.read(b, at + b.position() - start);
        }
        return b.position() - start;
    }
}
