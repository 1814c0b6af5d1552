package dev.vigil.sensors.formats;

import dev.vigil.sensors.SourceProblem;
import org.tinylog.Logger;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Base of the streaming readers: a file read through one reused window of bytes, so memory stays
 * constant whatever the file size. The window's position is the read cursor and its limit the end of
 * the bytes read so far; {@link #fill()} slides it forward. Problems and skipped elements are kept
 * here for {@link #problems()} and {@link #skippedElements()}.
 */
public abstract class FileWindowSource implements LogSource, SkippedElements {
    /** Bytes read from the file at a time. */
    public static final int WINDOW_BYTES = 1 << 20;

    protected final Path file;
    protected final String name;
    protected final FileChannel channel;
    protected final long fileSize;
    protected final ByteBuffer window;
    private final List<SourceProblem> problems = new ArrayList<>();
    private final Map<String, Long> skipped = new LinkedHashMap<>();
    private long windowStart;
    private boolean eof;

    /** Opens {@code file}; the window starts at byte 0 with the given byte order. */
    protected FileWindowSource(Path file, ByteOrder order) throws IOException {
        this.file = file;
        this.name = file.toString();
        RegularFile.require(file);
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
        long size;
        try {
            size = channel.size();
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        this.fileSize = size;
        this.window = ByteBuffer.allocate(WINDOW_BYTES).order(order);
        window.limit(0);
    }

    /**
     * Keeps the unread bytes, reads more behind them and returns how many unread bytes the window
     * now holds (fewer than before only at the end of the file).
     */
    protected final int fill() throws IOException {
        windowStart += window.position();
        window.compact();
        while (window.hasRemaining() && !eof) {
            if (channel.read(window, windowStart + window.position()) < 0) {
                eof = true;
            }
            if (windowStart + window.position() >= fileSize) {
                eof = true;
            }
        }
        window.flip();
        return window.remaining();
    }

    /** Whether every byte of the file has been read into the window. */
    protected final boolean atEnd() {
        return eof;
    }

    /** The file offset of window index {@code i}. */
    protected final long offsetOf(int i) {
        return windowStart + i;
    }

    /** Moves the read cursor to file offset {@code at} (forward or back) and refills. */
    protected final void seek(long at) throws IOException {
        windowStart = at;
        eof = at >= fileSize;
        window.clear().limit(0);
        fill();
    }

    /** Reports damage that was skipped. */
    protected final void problem(long at, int stream, String what) {
        SourceProblem p = new SourceProblem(name, at, stream, what);
        problems.add(p);
        Logger.warn("{}: {}", format().label(), p);
    }

    /** Counts {@code n} skipped elements of {@code kind}. */
    protected final void skip(String kind, long n) {
        if (n != 0) {
            skipped.merge(kind, n, Long::sum);
        }
    }

    /** Reports whatever bytes remain unread at the end as a torn element of {@code bytes} bytes. */
    protected final void reportTornTail(int bytes) {
        if (window.remaining() > 0) {
            problem(offsetOf(window.position()), -1, "torn last element: " + window.remaining()
                    + " trailing bytes of a " + bytes + "-byte element skipped");
            window.position(window.limit());
        }
    }

    @Override
    public List<SourceProblem> problems() {
        return Collections.unmodifiableList(problems);
    }

    @Override
    public Map<String, Long> skippedElements() {
        return Collections.unmodifiableMap(skipped);
    }

    @Override
    public double fractionRead() {
        return fileSize == 0 ? 1 : Math.min(1, (windowStart + window.position()) / (double) fileSize);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
