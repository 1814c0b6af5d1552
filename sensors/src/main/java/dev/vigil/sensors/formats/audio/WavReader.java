package dev.vigil.sensors.formats.audio;

import dev.vigil.sensors.Batch;
import dev.vigil.sensors.SampleBatch;
import dev.vigil.sensors.StreamDescriptor;
import dev.vigil.sensors.StreamKind;
import dev.vigil.sensors.formats.FileWindowSource;
import dev.vigil.sensors.formats.FormatOptions;
import dev.vigil.sensors.formats.LogFormat;
import dev.vigil.sensors.formats.LogFormatException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads RIFF/WAVE audio: the {@code fmt } chunk (PCM tag 1, IEEE float tag 3, or
 * WAVE_FORMAT_EXTENSIBLE whose sub-format is one of those), then frames of the {@code data} chunk as
 * interleaved floats in full scale ({@code "FS"}, −1 to 1). Integer PCM of 8 (unsigned), 16, 24 and
 * 32 bits and float of 32 and 64 bits are read, with any channel count and rate; other chunks are
 * skipped. A data chunk longer than the file is read to the end of the file and reported.
 */
public final class WavReader extends FileWindowSource {
    /** Largest channel count accepted. */
    public static final int MAX_CHANNELS = 256;
    private final StreamDescriptor stream;
    private final SampleBatch batch;
    private final int channels;
    private final int bits;
    private final boolean floating;
    private final int frameBytes;
    private final long dataStart;
    private final long dataEnd;
    private final int target;
    private long framesRead;

    /** Opens {@code file} and reads its chunk headers up to the data chunk. */
    public WavReader(Path file, FormatOptions options) throws IOException {
        super(file, ByteOrder.LITTLE_ENDIAN);
        try {
            ByteBuffer h = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
            readAt(h, 0);
            if (h.position() < 12 || h.getInt(0) != 0x46464952 || h.getInt(8) != 0x45564157) {
                throw new LogFormatException(name, 0, "RIFF header", "not a RIFF/WAVE file");
            }
            long at = 12;
            ByteBuffer fmt = null;
            long fmtAt = -1;
            long dataAt = -1;
            long dataLen = 0;
            ByteBuffer chunk = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            while (at + 8 <= fileSize) {
                chunk.clear();
                readAt(chunk, at);
                int id = chunk.getInt(0);
                long len = Integer.toUnsignedLong(chunk.getInt(4));
                if (id == 0x20746D66) {
                    if (len < 16 || len > 1024) {
                        throw new LogFormatException(name, at + 4, "fmt chunk size", "fmt chunk of " + len + " bytes");
                    }
                    fmt = ByteBuffer.allocate((int) len).order(ByteOrder.LITTLE_ENDIAN);
                    readAt(fmt, at + 8);
                    fmtAt = at + 8;
                } else if (id == 0x61746164) {
                    dataAt = at + 8;
                    dataLen = len;
                    break;
                }
                at += 8 + len + (len & 1);
            }
            if (fmt == null || fmt.position() < 16) {
                throw new LogFormatException(name, 12, "fmt chunk", "no complete fmt chunk before the data");
            }
            if (dataAt < 0) {
                throw new LogFormatException(name, 12, "data chunk", "no data chunk");
            }
            int tag = fmt.getShort(0) & 0xFFFF;
            channels = fmt.getShort(2) & 0xFFFF;
            long rate = Integer.toUnsignedLong(fmt.getInt(4));
            bits = fmt.getShort(14) & 0xFFFF;
            if (tag == 0xFFFE && fmt.position() >= 26) {
                tag = fmt.getShort(24) & 0xFFFF;
            }
            floating = tag == 3;
            if (tag != 1 && tag != 3) {
                throw new LogFormatException(name, fmtAt, "fmt audio format", "format tag " + tag
                        + " is neither PCM (1) nor IEEE float (3)");
            }
            if (floating ? bits != 32 && bits != 64 : bits != 8 && bits != 16 && bits != 24 && bits != 32) {
                throw new LogFormatException(name, fmtAt + 14, "fmt bits per sample", bits + "-bit "
                        + (floating ? "float" : "PCM") + " is not supported");
            }
            if (channels < 1 || channels > MAX_CHANNELS || rate < 1 || rate > 10_000_000) {
                throw new LogFormatException(name, fmtAt + 2, "fmt channels/rate", channels + " channels at " + rate
                        + " Hz is out of range (1.." + MAX_CHANNELS + " channels, 1 Hz..10 MHz)");
            }
            frameBytes = channels * bits / 8;
            dataStart = dataAt;
            long end = dataAt + dataLen;
            if (end > fileSize) {
                problem(dataAt - 4, 0, "data chunk declares " + dataLen + " bytes, the file holds "
                        + (fileSize - dataAt) + "; reading to the end of the file");
                end = fileSize;
            }
            dataEnd = end;
            stream = StreamDescriptor.sampled(0, StreamKind.AUDIO, file.getFileName().toString(), rate, channels, "FS");
            seek(dataStart);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        target = options.batchFrames();
        batch = new SampleBatch(stream, target);
    }

    private void readAt(ByteBuffer b, long at) throws IOException {
        while (b.hasRemaining()) {
            if (channel.read(b, at + b.position()) < 0) {
                return;
            }
        }
    }

    @Override
    public LogFormat format() {
        return LogFormat.WAV;
    }

    @Override
    public List<StreamDescriptor> streams() {
        return List.of(stream);
    }

    /** Frames the data chunk holds (within the file). */
    public long frameCount() {
        return (dataEnd - dataStart) / frameBytes;
    }

    @Override
    public Batch next() throws IOException {
        long left = frameCount() - framesRead;
        if (left <= 0) {
            if (framesRead * frameBytes < dataEnd - dataStart) {
                problem(dataStart + framesRead * frameBytes, 0, "torn last frame: "
                        + (dataEnd - dataStart - framesRead * frameBytes) + " bytes skipped");
                framesRead++;
            }
            return null;
        }
        int frames = (int) Math.min(Math.min(target, left), (WINDOW_BYTES / 2) / frameBytes);
        int need = frames * frameBytes;
        if (window.remaining() < need && fill() < need) {
            frames = window.remaining() / frameBytes;
            need = frames * frameBytes;
            if (frames == 0) {
                return null;
            }
        }
        float[] out = batch.samples();
        ByteBuffer w = window;
        int pos = w.position();
        int n = frames * channels;
        switch (floating ? -bits : bits) {
            case 8 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = ((w.get(pos + i) & 0xFF) - 128) / 128f;
                }
            }
            case 16 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = w.getShort(pos + 2 * i) / 32768f;
                }
            }
            case 24 -> {
                for (int i = 0, p = pos; i < n; i++, p += 3) {
                    int v = (w.get(p) & 0xFF) | (w.get(p + 1) & 0xFF) << 8 | w.get(p + 2) << 16;
                    out[i] = v / 8388608f;
                }
            }
            case 32 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = (float) (w.getInt(pos + 4 * i) / 2147483648.0);
                }
            }
            case -32 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = w.getFloat(pos + 4 * i);
                }
            }
            default -> {
                for (int i = 0; i < n; i++) {
                    out[i] = (float) w.getDouble(pos + 8 * i);
                }
            }
        }
        w.position(pos + need);
        batch.set(Math.round(framesRead * 1e6 / stream.sampleRate()), frames);
        framesRead += frames;
        return batch;
    }
}
