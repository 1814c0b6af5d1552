package dev.vigil.runtime.outbox;

import org.tinylog.Logger;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.OptionalLong;

/**
 * A bounded on-disk FIFO of MQTT messages: append-only segment files {@code seg-<first seq>.log} and a
 * small {@code ack} file holding the highest acknowledged sequence number and the drop counters (kept
 * across restarts, so drops made while offline are still reported once a broker answers).
 *
 * <p>Each record carries its length, a CRC32C of its body and its sequence number (the layout is named
 * once, in {@code RecordCodec}). A body longer than {@value #MAX_BODY} bytes is never written and, when
 * read, is treated as damage.
 *
 * <p>On opening, every segment is checked record by record; a damaged record is skipped and recovery
 * resumes at the next sound one (see {@code SegmentRecovery}); the records lost are counted exactly
 * where the files allow it, in {@link OutboxStats#droppedCorrupt()}, and logged with file and offset.
 * Losing the {@code ack} file only causes re-sending, never loss: consumers de-duplicate by detection id.
 *
 * <p>The directory must be the user's own ({@link PrivateDirectory}); its files are opened without
 * following symbolic links. Thread-safe: the sensing loop appends, the publisher reads and acknowledges.
 */
public final class Outbox implements AutoCloseable {
    /** Largest record body accepted, bytes. */
    public static final int MAX_BODY = RecordCodec.MAX_BODY;

    private final Path dir;
    private final long maxBytes;
    private final int segmentBytes;
    private final boolean fsync;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final AckFile ackFile;
    private final List<Segment> segments = new ArrayList<>();
    private long nextSeq;
    private long acked;
    private long totalBytes;
    private long droppedFull;
    private long droppedAge;
    private long droppedCorrupt;
    private boolean closed;
    private int readSegment;
    private long readPos;

    private Outbox(Path dir, long maxBytes, int segmentBytes, boolean fsync, FileChannel lockChannel, FileLock lock,
                   AckFile ackFile) {
        this.dir = dir;
        this.maxBytes = maxBytes;
        this.segmentBytes = segmentBytes;
        this.fsync = fsync;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.ackFile = ackFile;
    }

    /**
     * Opens (creating if needed) the outbox in {@code dir}, recovering what a previous process left.
     *
     * @param maxBytes     size limit over all segments; the oldest segment goes first
     * @param segmentBytes size at which a new segment is started
     * @param fsync        force each appended record to disk before {@link #append} returns
     * @throws OutboxLockedException    when another process has it open
     * @throws UnsafeDirectoryException when {@code dir} is not the user's own (see {@link PrivateDirectory})
     */
    public static Outbox open(Path dir, long maxBytes, int segmentBytes, boolean fsync) throws IOException {
        PrivateDirectory.ensure(dir);
        FileChannel lockChannel = FileChannel.open(dir.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS);
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
        Outbox o = new Outbox(dir, maxBytes, segmentBytes, fsync, lockChannel, lock, AckFile.open(dir));
        try {
            o.recover();
        } catch (IOException | RuntimeException e) {
            o.close();
            throw e;
        }
        return o;
    }

    private void recover() throws IOException {
        AckFile.State ack = ackFile.read();
        acked = ack.acked();
        droppedFull = ack.droppedFull();
        droppedAge = ack.droppedAge();
        droppedCorrupt = ack.droppedCorrupt();
        long corruptBefore = droppedCorrupt;
        for (Path tmp : Segment.unfinished(dir)) {
            Logger.info("outbox {}: removed {}, left by a recovery that did not finish (it is redone)", dir, tmp.getFileName());
            Files.delete(tmp);
        }
        Deque<Path> files = new ArrayDeque<>(Segment.files(dir));
        while (!files.isEmpty()) {
            Path file = files.removeFirst();
            OptionalLong next = files.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Segment.firstSeqOf(files.getFirst()));
            SegmentRecovery.Result r = SegmentRecovery.recover(file, next);
            droppedCorrupt += Math.max(0, r.firstLost() + r.lost() - Math.max(r.firstLost(), acked + 1));
            r.rest().ifPresent(files::addFirst);
            Segment seg = r.segment();
            if (seg.isEmpty() || seg.lastSeq() <= acked && !files.isEmpty()) {
                seg.delete();
                continue;
            }
            segments.add(seg);
            totalBytes += seg.bytes();
        }
        long last = segments.isEmpty() ? acked : Math.max(acked, segments.getLast().lastSeq());
        nextSeq = last + 1;
        if (!segments.isEmpty() && segments.getFirst().firstSeq() > acked + 1) {
            acked = segments.getFirst().firstSeq() - 1;
        }
        if (droppedCorrupt > corruptBefore) {
            writeAck();
        }
        if (depth() > 0) {
            Logger.info("outbox {}: {} message(s) from an earlier run wait for the broker", dir, depth());
        }
        rewind();
    }

    private void writeAck() throws IOException {
        ackFile.write(new AckFile.State(acked, droppedFull, droppedAge, droppedCorrupt));
    }

    /**
     * Appends a message and returns its sequence number; with {@code fsync} the record is on disk
     * ({@code FileChannel.force}) when this returns. When the size limit is passed, whole oldest segments
     * are dropped and counted.
     *
     * @throws IllegalArgumentException when the record would exceed {@value #MAX_BODY} bytes
     * @throws IOException              when it cannot be written (the outbox is unchanged) or the outbox is closed
     */
    public synchronized long append(String topic, byte[] payload, int qos, long wallMs) throws IOException {
        if (closed) {
            throw new IOException("outbox " + dir + " is closed");
        }
        ByteBuffer record = RecordCodec.encode(nextSeq, wallMs, qos, topic, payload);
        Segment cur = segments.isEmpty() ? null : segments.getLast();
        if (cur == null || !cur.isWritable() || cur.bytes() > 0 && cur.bytes() + record.remaining() > segmentBytes) {
            cur = startSegment();
        }
        totalBytes += cur.append(record, nextSeq, fsync);
        long seq = nextSeq++;
        enforceSizeLimit();
        return seq;
    }

    private Segment startSegment() throws IOException {
        Segment last = segments.isEmpty() ? null : segments.getLast();
        if (last != null) {
            last.closeWriter();
            if (last.bytes() == 0) {
                last.openForAppend();
                return last;
            }
        }
        Segment seg = Segment.create(dir, nextSeq);
        segments.add(seg);
        seg.openForAppend();
        return seg;
    }

    private void enforceSizeLimit() throws IOException {
        while (totalBytes > maxBytes && segments.size() > 1) {
            Segment oldest = segments.getFirst();
            long lost = Math.max(0, oldest.lastSeq() - Math.max(acked, oldest.firstSeq() - 1));
            droppedFull += lost;
            acked = Math.max(acked, oldest.lastSeq());
            writeAck();
            removeOldest();
            if (lost > 0) {
                Logger.warn("outbox {} is full ({} bytes): dropped the {} oldest message(s)", dir, maxBytes, lost);
            }
        }
    }

    /** Deletes the oldest segment, keeping the read position on the record it was at. */
    private void removeOldest() throws IOException {
        Segment oldest = segments.removeFirst();
        totalBytes -= oldest.bytes();
        oldest.delete();
        if (readSegment > 0) {
            readSegment--;
        } else {
            readPos = 0;
        }
    }

    /** The next record after the last one returned, or null when none is stored yet. */
    public synchronized OutboxRecord next() throws IOException {
        while (readSegment < segments.size()) {
            Segment seg = segments.get(readSegment);
            if (readPos < seg.bytes()) {
                byte[] body = seg.readBody(readPos);
                readPos += RecordCodec.HEADER + body.length;
                OutboxRecord r = RecordCodec.decode(body);
                if (r.seq() > acked) {
                    return r;
                }
                continue;
            }
            if (readSegment == segments.size() - 1) {
                return null;
            }
            seg.closeReader();
            readSegment++;
            readPos = 0;
        }
        return null;
    }

    /** Moves the read position back to the first unacknowledged record (after a lost connection). */
    public synchronized void rewind() throws IOException {
        if (readSegment < segments.size()) {
            segments.get(readSegment).closeReader();
        }
        readSegment = 0;
        readPos = 0;
        while (readSegment < segments.size() - 1 && segments.get(readSegment).lastSeq() <= acked) {
            readSegment++;
        }
    }

    /** Everything up to and including {@code seq} has been delivered (or given up) and may go. */
    public synchronized void acknowledge(long seq) throws IOException {
        if (seq <= acked) {
            return;
        }
        acked = Math.min(seq, nextSeq - 1);
        writeAck();
        while (segments.size() > 1 && segments.getFirst().lastSeq() <= acked) {
            removeOldest();
        }
    }

    /** Counts a record skipped because it was older than the age limit; acknowledge it as usual. */
    public synchronized void countExpired() {
        droppedAge++;
    }

    /** Records appended and neither acknowledged nor dropped (recovery may have left gaps between segments). */
    public synchronized long depth() {
        long depth = 0;
        for (Segment s : segments) {
            depth += Math.max(0, s.lastSeq() - Math.max(acked, s.firstSeq() - 1));
        }
        return depth;
    }

    /** The directory. */
    public Path dir() {
        return dir;
    }

    /** Current figures. */
    public synchronized OutboxStats stats() {
        return new OutboxStats(depth(), totalBytes, segments.size(), droppedFull, droppedAge, droppedCorrupt);
    }

    /** Closes the files; an empty outbox leaves no segment behind. */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            for (Segment s : segments) {
                s.closeReader();
                s.closeWriter();
            }
            if (depth() == 0) {
                for (Segment s : segments) {
                    s.delete();
                }
                segments.clear();
            }
            ackFile.close();
        } finally {
            if (lock.isValid()) {
                lock.release();
            }
            lockChannel.close();
        }
    }
}
