package dev.vigil.sensors;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Lines of text with one timestamp: the detections stream of a Vigil recording. Not on the hot path,
 * so lines are plain strings.
 */
public final class TextBatch implements Batch {
    private StreamDescriptor stream;
    private long timeUs;
    private final List<String> lines = new ArrayList<>();

    /** An empty batch for {@code stream}. */
    public TextBatch(StreamDescriptor stream) {
        this.stream = stream;
    }

    /** Replaces the contents. */
    public void set(StreamDescriptor newStream, long time, List<String> newLines) {
        this.stream = newStream;
        this.timeUs = time;
        lines.clear();
        lines.addAll(newLines);
    }

    @Override
    public StreamDescriptor stream() {
        return stream;
    }

    /** The lines, read-only. */
    public List<String> lines() {
        return Collections.unmodifiableList(lines);
    }

    @Override
    public int size() {
        return lines.size();
    }

    @Override
    public long firstTimeUs() {
        return timeUs;
    }

    @Override
    public long lastTimeUs() {
        return timeUs;
    }
}
