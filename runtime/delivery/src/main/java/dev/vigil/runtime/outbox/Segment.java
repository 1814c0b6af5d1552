package dev.vigil.runtime.outbox;

import org.tinylog.Logger;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One segment file {@code seg-<first seq>.log}: the sequence numbers and bytes it holds, and the
 * channels it is appended to and read from (each opened when first needed).
 */
final class Segment {
    private static final Pattern FILE_NAME = Pattern.compile("seg-(\\d{20})\\.log");

    private final Path path;
    private final long firstSeq;
    private long lastSeq;
    private long bytes;
    private FileChannel writer;
    private FileChannel reader;

    private Segment(Path path, long firstSeq) {
        this.path = path;
        this.firstSeq = firstSeq;
        this.lastSeq = firstSeq - 1;
    }

    /** A new, empty segment in {@code dir} whose first record will be {@code firstSeq}. */
    static Segment create(Path dir, long firstSeq) {
        return new Segment(dir.resolve(String.format("seg-%020d.log", firstSeq)), firstSeq);
    }

    /** The segment files in {@code dir}, oldest first. */
    static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> FILE_NAME.matcher(p.getFileName().toString()).matches()).sorted().toList();
        }
    }

    /**
     * Checks the segment {@code file} record by record and cuts it at the first damaged record (logged
     * with file and offset), keeping the records before it.
     *
     * @return the segment as cut, and the damage it was cut at, if any
     */
    static Recovered recover(Path file) throws IOException {
        Segment seg = new Segment(file, firstSeqOf(file));
        Damage damage = null;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = ch.size();
            while (seg.bytes < size && damage == null) {
                switch (RecordCodec.verify(ch, seg.bytes, size, seg.lastSeq + 1)) {
                    case RecordCodec.Intact intact -> {
                        seg.lastSeq++;
                        seg.bytes += intact.length();
                    }
                    case RecordCodec.Damaged d -> {
                        Logger.warn("outbox {} offset {}: {}; cutting the segment there ({} bytes discarded)",
                                file, seg.bytes, d.detail(), size - seg.bytes);
                        ch.truncate(seg.bytes);
                        damage = d.damage();
                    }
                }
            }
        }
        return new Recovered(seg, Optional.ofNullable(damage));
    }

    /** A segment as {@link #recover} left it, and the damage it was cut at. */
    record Recovered(Segment segment, Optional<Damage> damage) {
    }

    private static long firstSeqOf(Path file) {
        Matcher m = FILE_NAME.matcher(file.getFileName().toString());
        if (!m.matches()) {
            throw new IllegalArgumentException(file + " is not an outbox segment (seg-<20 digits>.log)");
        }
        return Long.parseLong(m.group(1));
    }

    Path path() {
        return path;
    }

    long firstSeq() {
        return firstSeq;
    }

    /** The last record's sequence number; one less than {@link #firstSeq()} while empty. */
    long lastSeq() {
        return lastSeq;
    }

    long bytes() {
        return bytes;
    }

    boolean isEmpty() {
        return lastSeq < firstSeq;
    }

    /** Whether this segment is open for appending (only the newest one of this process is). */
    boolean isWritable() {
        return writer != null;
    }

    /** Opens the file for appending, creating it. */
    void openForAppend() throws IOException {
        writer = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    /** Appends one encoded record numbered {@code seq}; returns its length. */
    int append(ByteBuffer record, long seq) throws IOException {
        int length = record.remaining();
        while (record.hasRemaining()) {
            writer.write(record);
        }
        lastSeq = seq;
        bytes += length;
        return length;
    }

    /** Forces the appended records to disk. */
    void force() throws IOException {
        if (writer != null) {
            writer.force(false);
        }
    }

    /** Stops appending; with {@code force}, what was appended goes to disk first. */
    void closeWriter(boolean force) throws IOException {
        if (writer != null) {
            if (force) {
                writer.force(false);
            }
            writer.close();
            writer = null;
        }
    }

    /** The body of the record at {@code pos}; see {@link RecordCodec#readBody}. */
    byte[] readBody(long pos) throws IOException {
        if (reader == null) {
            reader = FileChannel.open(path, StandardOpenOption.READ);
        }
        return RecordCodec.readBody(reader, pos, path);
    }

    /** Closes the read channel, if open; the next read opens it again. */
    void closeReader() throws IOException {
        if (reader != null) {
            reader.close();
            reader = null;
        }
    }

    /** Closes both channels and removes the file. */
    void delete() throws IOException {
        closeReader();
        closeWriter(false);
        Files.deleteIfExists(path);
    }
}
