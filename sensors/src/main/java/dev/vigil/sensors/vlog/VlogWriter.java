package dev.vigil.sensors.vlog;

import dev.vigil.sensors.Batch;
import dev.vigil.sensors.EventBatch;
import dev.vigil.sensors.SampleBatch;
import dev.vigil.sensors.StreamDescriptor;
import dev.vigil.sensors.StreamKind;
import dev.vigil.sensors.TextBatch;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * Writes a Vigil recording: the header with every stream up front, then one chunk per call. Each
 * chunk is self-contained and CRC-checked, so a torn tail costs only the last chunk.
 */
public final class VlogWriter implements AutoCloseable {
    private final OutputStream out;
    private final Map<Integer, StreamDescriptor> streams = new HashMap<>();
    private final CRC32C crc = new CRC32C();
    private ByteBuffer payload = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
    private final ByteBuffer header = ByteBuffer.allocate(VlogFormat.CHUNK_HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    private long chunks;
    private long bytes;

    /** Creates (or truncates) {@code file} and writes the header for {@code descriptors}. */
    public VlogWriter(Path file, List<StreamDescriptor> descriptors) throws IOException {
        this(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16), descriptors);
    }

    /** Writes the header for {@code descriptors} to {@code stream}; the writer owns the stream. */
    public VlogWriter(OutputStream stream, List<StreamDescriptor> descriptors) throws IOException {
        this.out = stream;
        for (StreamDescriptor d : descriptors) {
            if (streams.put(d.id(), d) != null) {
                throw new IllegalArgumentException("stream id " + d.id() + " declared twice");
            }
        }
        writeFileHeader(descriptors);
    }

    private void writeFileHeader(List<StreamDescriptor> descriptors) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(VlogFormat.MAX_HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        b.put(VlogFormat.MAGIC);
        b.putShort((short) VlogFormat.VERSION);
        b.putShort((short) descriptors.size());
        for (StreamDescriptor d : descriptors) {
            b.putShort((short) d.id());
            b.put((byte) d.kind().code());
            b.put((byte) 0);
            b.putInt(d.width());
            b.putInt(d.height());
            b.putDouble(d.sampleRate());
            b.putShort((short) d.channels());
            putString(b, d.name());
            putString(b, d.units());
        }
        crc.reset();
        crc.update(b.array(), 0, b.position());
        b.putInt((int) crc.getValue());
        out.write(b.array(), 0, b.position());
        bytes += b.position();
    }

    private static void putString(ByteBuffer b, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 0xFFFF) {
            throw new IllegalArgumentException("string too long for a stream descriptor: " + bytes.length + " bytes");
        }
        b.putShort((short) bytes.length);
        b.put(bytes);
    }

    private void declared(int id, StreamKind kind) {
        StreamDescriptor known = streams.get(id);
        if (known == null || known.kind() != kind) {
            throw new IllegalArgumentException("stream " + id + " is not a declared " + kind.label() + " stream");
        }
    }

    /** Writes any batch under its own stream id. */
    public void write(Batch batch) throws IOException {
        write(batch, batch.stream().id());
    }

    /**
     * Writes {@code batch} under stream {@code streamId} of this recording (which must be declared with
     * the batch's kind), e.g. when several sources are merged into one recording.
     */
    public void write(Batch batch, int streamId) throws IOException {
        write(batch, streamId, 0);
    }

    /**
     * Writes {@code batch} under stream {@code streamId} with its times moved {@code shiftUs} earlier,
     * e.g. to start an input whose clock is absolute at 0 beside inputs whose clocks start there.
     */
    public void write(Batch batch, int streamId, long shiftUs) throws IOException {
        declared(streamId, batch.stream().kind());
        switch (batch) {
            case EventBatch e -> writeEventBatch(e, streamId, shiftUs);
            case SampleBatch s -> writeSamples(s, streamId, shiftUs);
            case TextBatch t -> writeText(streamId, t.firstTimeUs() - shiftUs, t.lines());
        }
    }

    /** Writes the events of {@code batch} as one or more chunks (split where the span exceeds an int32). */
    public void write(EventBatch batch) throws IOException {
        write(batch, batch.stream().id());
    }

    private void writeEventBatch(EventBatch batch, int id, long shiftUs) throws IOException {
        int from = 0;
        while (from < batch.size() || (batch.size() == 0 && from == 0)) {
            int to = from;
            long first = batch.size() == 0 ? 0 : batch.t(from);
            while (to < batch.size() && batch.t(to) - first <= VlogFormat.MAX_DVS_SPAN_US) {
                to++;
            }
            writeEvents(batch, from, to, first, id, shiftUs);
            if (batch.size() == 0) {
                break;
            }
            from = to;
        }
    }

    private void writeEvents(EventBatch batch, int from, int to, long first, int id, long shiftUs) throws IOException {
        int n = to - from;
        ByteBuffer p = payload(n * VlogFormat.DVS_EVENT_BYTES);
        long[] t = batch.times();
        for (int i = from; i < to; i++) {
            p.putInt((int) (t[i] - first));
        }
        short[] xs = batch.xs();
        for (int i = from; i < to; i++) {
            p.putShort(xs[i]);
        }
        short[] ys = batch.ys();
        for (int i = from; i < to; i++) {
            p.putShort(ys[i]);
        }
        p.put(batch.polarities(), from, n);
        writeChunk(id, n, first - shiftUs);
    }

    /** Writes the frames of {@code batch} as one chunk. */
    public void write(SampleBatch batch) throws IOException {
        write(batch, batch.stream().id());
    }

    private void writeSamples(SampleBatch batch, int id, long shiftUs) throws IOException {
        if (streams.get(id).channels() != batch.channels()) {
            throw new IllegalArgumentException("stream " + id + " has " + streams.get(id).channels()
                    + " channels, the batch " + batch.channels());
        }
        int n = batch.size() * batch.channels();
        ByteBuffer p = payload(n * 4);
        float[] s = batch.samples();
        for (int i = 0; i < n; i++) {
            p.putFloat(s[i]);
        }
        writeChunk(id, batch.size(), batch.startUs() - shiftUs);
    }

    /** Writes detection JSON lines with a timestamp as one chunk of the detections stream. */
    public void writeLines(StreamDescriptor d, long timeUs, List<String> lines) throws IOException {
        declared(d.id(), StreamKind.DETECTIONS);
        writeText(d.id(), timeUs, lines);
    }

    private void writeText(int id, long timeUs, List<String> lines) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (String line : lines) {
            if (line.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("a detection line may not contain a newline");
            }
            sb.append(line).append('\n');
        }
        byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
        payload(bytes.length).put(bytes);
        writeChunk(id, lines.size(), timeUs);
    }

    private ByteBuffer payload(int bytes) {
        if (bytes > VlogFormat.MAX_PAYLOAD_BYTES) {
            throw new IllegalArgumentException("chunk of " + bytes + " bytes exceeds the "
                    + VlogFormat.MAX_PAYLOAD_BYTES + "-byte limit; write smaller batches");
        }
        if (payload.capacity() < bytes) {
            payload = ByteBuffer.allocate(Math.max(bytes, payload.capacity() * 2)).order(ByteOrder.LITTLE_ENDIAN);
        }
        payload.clear();
        return payload;
    }

    private void writeChunk(int streamId, int count, long firstTimeUs) throws IOException {
        int len = payload.position();
        header.clear();
        header.putInt(VlogFormat.CHUNK_MAGIC);
        header.putShort((short) streamId);
        header.putShort((short) 0);
        header.putInt(count);
        header.putInt(len);
        header.putLong(firstTimeUs);
        crc.reset();
        crc.update(header.array(), 4, 20);
        crc.update(payload.array(), 0, len);
        header.putInt((int) crc.getValue());
        out.write(header.array(), 0, VlogFormat.CHUNK_HEADER_BYTES);
        out.write(payload.array(), 0, len);
        chunks++;
        bytes += VlogFormat.CHUNK_HEADER_BYTES + len;
    }

    /** Bytes written so far, header included. */
    public long bytes() {
        return bytes;
    }

    /** Chunks written so far. */
    public long chunks() {
        return chunks;
    }

    /** Pushes buffered chunks to the file. */
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
