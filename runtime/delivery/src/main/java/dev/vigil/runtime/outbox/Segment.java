package dev.vigil.runtime.outbox;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One segment file {@code seg-<first seq>.log}: the sequence numbers and bytes it holds, and the
 * channels it is appended to and read from (each opened when first needed).
 */
final class Segment {
    private static final Pattern FILE_NAME = Pattern.compile("seg-(\\d{20})\\.log");
    private static final Pattern UNFINISHED = Pattern.compile("seg-\\d{20}\\.log\\.tmp");

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
        return new Segment(fileFor(dir, firstSeq), firstSeq);
    }

    /** The segment files in {@code dir}, oldest first. */
    static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> FILE_NAME.matcher(p.getFileName().toString()).matches()).sorted().toList();
        }
    }

    /** Temporary segment files in {@code dir} that a recovery was writing when it stopped. */
    static List<Path> unfinished(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> UNFINISHED.matcher(p.getFileName().toString()).matches()).toList();
        }
    }

    /** A segment file that recovery has checked: records {@code firstSeq..lastSeq} in its first {@code bytes}. */
    static Segment recovered(Path file, long firstSeq, long lastSeq, long bytes) {
        Segment seg = new Segment(file, firstSeq);
        seg.lastSeq = lastSeq;
        seg.bytes = bytes;
        return seg;
    }

    /** The name of the segment file whose first record is {@code firstSeq}, in {@code dir}. */
    static Path fileFor(Path dir, long firstSeq) {
        return dir.resolve(String.format("seg-%020d.log", firstSeq));
    }

    /** The first sequence number of segment {@code file}, from its name. */
    static long firstSeqOf(Path file) {
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
        writer = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND,
                LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * Appends one encoded record numbered {@code seq}, with {@code force} forced to disk before this
     * returns; returns its length. When writing or forcing fails the file is cut back to what it held.
     */
    int append(ByteBuffer record, long seq, boolean force) throws IOException {
        int length = record.remaining();
        try {
            while (record.hasRemaining()) {
                writer.write(record);
            }
            if (force) {
                writer.force(false);
            }
        } catch (IOException e) {
            writer.truncate(bytes);
            throw e;
        }
        lastSeq = seq;
        bytes += length;
        return length;
    }

    /** Stops appending. */
    void closeWriter() throws IOException {
        if (writer != null) {
            writer.close();
            writer = null;
        }
    }

    /** The body of the record at {@code pos}; see {@link RecordCodec#readBody}. */
    byte[] readBody(long pos) throws IOException {
        if (reader == null) {
            reader = FileChannel.open(path, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
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
        closeWriter();
        Files.deleteIfExists(path);
    }
}
