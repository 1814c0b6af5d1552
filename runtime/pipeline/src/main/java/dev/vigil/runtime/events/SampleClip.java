package dev.vigil.runtime.events;

import dev.vigil.sensors.Batch;
import dev.vigil.sensors.SampleBatch;
import dev.vigil.sensors.StreamDescriptor;
import dev.vigil.sensors.StreamKind;

import java.io.BufferedWriter;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * A sampled stream's clip: audio as 16-bit PCM WAV (samples clipped to -1..1), vibration as CSV
 * ({@code time_us} and one column per channel, in the stream's units).
 */
final class SampleClip implements StreamClip {
    private final StreamDescriptor stream;
    private final int channels;
    private final float[] ring;
    private final long[] ringTimes;
    private final long maxFrames;
    private int head;
    private int held;
    private float[] copy = new float[0];
    private long copyStartUs;
    private int copied;
    private boolean recording;

    SampleClip(StreamDescriptor stream, long preUs, long maxBytes) {
        this.stream = stream;
        this.channels = Math.max(1, stream.channels());
        int frames = (int) Math.min(Integer.MAX_VALUE / channels, Math.ceil(stream.sampleRate() * (preUs + StreamClip.LATE_US) / 1e6) + 1);
        this.ring = new float[frames * channels];
        this.ringTimes = new long[frames];
        this.maxFrames = Math.max(1, maxBytes / (4L * channels));
    }

    @Override
    public void add(Batch batch) {
        if (!(batch instanceof SampleBatch b)) {
            return;
        }
        float[] s = b.samples();
        for (int i = 0; i < b.size(); i++) {
            long t = b.timeOf(i);
            if (recording) {
                append(s, i * channels, t);
            }
            ringTimes[head] = t;
            System.arraycopy(s, i * channels, ring, head * channels, channels);
            head = (head + 1) % ringTimes.length;
            held = Math.min(held + 1, ringTimes.length);
        }
    }

    private void append(float[] from, int at, long t) {
        if (copied >= maxFrames) {
            return;
        }
        if (copied == 0) {
            copyStartUs = t;
        }
        if ((copied + 1) * channels > copy.length) {
            copy = Arrays.copyOf(copy, Math.max(copy.length * 2, 4096 * channels));
        }
        System.arraycopy(from, at, copy, copied * channels, channels);
        copied++;
    }

    @Override
    public void begin(long fromUs) {
        copied = 0;
        recording = true;
        int oldest = (head - held + ringTimes.length) % ringTimes.length;
        for (int k = 0; k < held; k++) {
            int j = (oldest + k) % ringTimes.length;
            if (ringTimes[j] >= fromUs) {
                append(ring, j * channels, ringTimes[j]);
            }
        }
    }

    @Override
    public boolean recording() {
        return recording;
    }

    @Override
    public String extension() {
        return stream.kind() == StreamKind.AUDIO ? "wav" : "csv";
    }

    @Override
    public void writeTo(Path file) throws IOException {
        recording = false;
        if (stream.kind() == StreamKind.AUDIO) {
            writeWav(file);
        } else {
            writeCsv(file);
        }
        copied = 0;
    }

    private void writeWav(Path file) throws IOException {
        int dataBytes = copied * channels * 2;
        ByteBuffer h = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        int rate = (int) Math.round(stream.sampleRate());
        h.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + dataBytes).put("WAVE".getBytes(StandardCharsets.US_ASCII));
        h.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) channels)
                .putInt(rate).putInt(rate * channels * 2).putShort((short) (channels * 2)).putShort((short) 16);
        h.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(dataBytes);
        ByteBuffer d = ByteBuffer.allocate(dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < copied * channels; i++) {
            d.putShort((short) Math.round(Math.max(-1f, Math.min(1f, copy[i])) * 32767));
        }
        try (OutputStream out = new DataOutputStream(Files.newOutputStream(file))) {
            out.write(h.array());
            out.write(d.array());
        }
    }

    private void writeCsv(Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            w.write("time_us");
            for (int c = 0; c < channels; c++) {
                w.write(",ch" + c);
            }
            w.newLine();
            for (int i = 0; i < copied; i++) {
                w.write(Long.toString(copyStartUs + (long) Math.floor(i * 1e6 / stream.sampleRate())));
                for (int c = 0; c < channels; c++) {
                    w.write(',');
                    w.write(String.format(Locale.ROOT, "%g", copy[i * channels + c]));
                }
                w.newLine();
            }
        }
    }
}
