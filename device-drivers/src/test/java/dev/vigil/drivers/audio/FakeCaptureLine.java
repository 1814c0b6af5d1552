package dev.vigil.drivers.audio;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.Control;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.Line;
import javax.sound.sampled.LineListener;
import javax.sound.sampled.TargetDataLine;

/**
 * A capture line playing back PCM bytes from a stream, advancing a clock by the duration of each
 * read as a real blocking line would; it can be "unplugged" after a number of frames, after which
 * reads return 0 bytes.
 */
final class FakeCaptureLine implements TargetDataLine {
    interface Clock {
        void advance(long nanos);
    }

    private final InputStream pcm;
    private final AudioFormat format;
    private final Clock clock;
    private final long unplugAfterFrames;
    private boolean open;
    private boolean running;
    private long frames;

    FakeCaptureLine(InputStream pcm, AudioFormat format, Clock clock, long unplugAfterFrames) {
        this.pcm = pcm;
        this.format = format;
        this.clock = clock;
        this.unplugAfterFrames = unplugAfterFrames;
    }

    @Override
    public void open(AudioFormat f, int bufferSize) {
        if (!f.matches(format)) {
            throw new IllegalArgumentException("fake line plays " + format + ", asked for " + f);
        }
        open = true;
    }

    @Override
    public void open(AudioFormat f) {
        open(f, 4096);
    }

    @Override
    public void open() {
        open(format);
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (!open || !running || frames >= unplugAfterFrames) {
            return 0;
        }
        int frameSize = format.getFrameSize();
        int want = (int) Math.min(len / frameSize, unplugAfterFrames - frames) * frameSize;
        try {
            int got = pcm.readNBytes(b, off, want);
            got -= got % frameSize;
            frames += got / frameSize;
            clock.advance((long) (got / frameSize * 1e9 / format.getSampleRate()));
            return got;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long framesDelivered() {
        return frames;
    }

    @Override
    public void drain() {
    }

    @Override
    public void flush() {
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public boolean isActive() {
        return running;
    }

    @Override
    public AudioFormat getFormat() {
        return format;
    }

    @Override
    public int getBufferSize() {
        return 4096;
    }

    @Override
    public int available() {
        return 0;
    }

    @Override
    public int getFramePosition() {
        return (int) frames;
    }

    @Override
    public long getLongFramePosition() {
        return frames;
    }

    @Override
    public long getMicrosecondPosition() {
        return (long) (frames * 1e6 / format.getSampleRate());
    }

    @Override
    public float getLevel() {
        return AudioFormatLevel.UNKNOWN;
    }

    @Override
    public Line.Info getLineInfo() {
        return new DataLine.Info(TargetDataLine.class, format);
    }

    @Override
    public void close() {
        open = false;
        running = false;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public Control[] getControls() {
        return new Control[0];
    }

    @Override
    public boolean isControlSupported(Control.Type control) {
        return false;
    }

    @Override
    public Control getControl(Control.Type control) {
        throw new IllegalArgumentException("no controls");
    }

    @Override
    public void addLineListener(LineListener listener) {
    }

    @Override
    public void removeLineListener(LineListener listener) {
    }

    /** {@link DataLine#getLevel()} when the level is unknown. */
    private static final class AudioFormatLevel {
        static final float UNKNOWN = -1f;
    }
}
