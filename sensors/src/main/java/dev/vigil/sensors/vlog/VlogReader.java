package dev.vigil.sensors.vlog;

import dev.vigil.sensors.Batch;
import dev.vigil.sensors.EventBatch;
import dev.vigil.sensors.SampleBatch;
import dev.vigil.sensors.SourceProblem;
import dev.vigil.sensors.StreamDescriptor;
import dev.vigil.sensors.StreamKind;
import dev.vigil.sensors.TextBatch;
import dev.vigil.sensors.formats.ChannelReads;
import dev.vigil.sensors.formats.LogFormat;
import dev.vigil.sensors.formats.LogSource;
import dev.vigil.sensors.formats.RegularFile;
import org.tinylog.Logger;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * Streams a Vigil recording chunk by chunk in constant memory. A chunk whose CRC, length or content
 * is wrong is reported as a {@link SourceProblem} (offset and stream) and skipped; reading resumes at
 * the next valid chunk marker. One problem is reported per damaged region: false markers met while
 * resynchronising are not reported again. Only a bad file header is fatal. Memory is bounded by the
 * largest valid chunk, at most {@link VlogFormat#MAX_PAYLOAD_BYTES} and never more than the file holds.
 */
public final class VlogReader implements LogSource {
    private final Path file;
    private final FileChannel channel;
    private final long fileSize;
    private final List<StreamDescriptor> streams;
    private final Map<Integer, StreamDescriptor> byId = new HashMap<>();
    private final List<SourceProblem> problems = new ArrayList<>();
    private final CRC32C crc = new CRC32C();
    private final ByteBuffer header = ByteBuffer.allocate(VlogFormat.CHUNK_HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    private ByteBuffer payload = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
    private final ByteBuffer scan = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
    private EventBatch events;
    private SampleBatch samples;
    private TextBatch text;
    private long position;
    private long chunksRead;
    private boolean resyncing;

    /** Opens {@code file} and reads its header. */
    public VlogReader(Path file) throws IOException {
        this.file = file;
        RegularFile.require(file);
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            this.fileSize = channel.size();
            this.streams = readFileHeader();
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        for (StreamDescriptor d : streams) {
            byId.put(d.id(), d);
        }
    }

    private List<StreamDescriptor> readFileHeader() throws IOException {
        int fixed = VlogFormat.MAGIC.length + 4;
        ByteBuffer b = ByteBuffer.allocate((int) Math.min(fileSize, VlogFormat.MAX_HEADER_BYTES)).order(ByteOrder.LITTLE_ENDIAN);
        ChannelReads.readFully(channel, b, 0);
        b.flip();
        if (b.remaining() < fixed) {
            throw new VlogFormatException(file.toString(), 0, "too short for a Vigil recording (" + fileSize + " bytes)");
        }
        byte[] magic = new byte[VlogFormat.MAGIC.length];
        b.get(magic);
        if (!Arrays.equals(magic, VlogFormat.MAGIC)) {
            throw new VlogFormatException(file.toString(), 0, "not a Vigil recording (magic is not VIGILLOG)");
        }
        int version = b.getShort() & 0xFFFF;
        if (version != VlogFormat.VERSION) {
            throw new VlogFormatException(file.toString(), 8, "unsupported format version " + version
                    + " (this Vigil reads version " + VlogFormat.VERSION + ")");
        }
        int count = b.getShort() & 0xFFFF;
        List<StreamDescriptor> list = new ArrayList<>(Math.min(count, 256));
        java.util.Set<Integer> ids = new java.util.HashSet<>();
        try {
            for (int i = 0; i < count; i++) {
                int id = b.getShort() & 0xFFFF;
                int kindCode = b.get() & 0xFF;
                b.get();
                int width = b.getInt();
                int height = b.getInt();
                double rate = b.getDouble();
                int channels = b.getShort() & 0xFFFF;
                String name = getString(b);
                String units = getString(b);
                StreamKind kind = StreamKind.ofCode(kindCode);
                if (kind == null) {
                    throw new VlogFormatException(file.toString(), b.position(), "stream " + id + " has unknown kind " + kindCode);
                }
                if (!ids.add(id)) {
                    throw new VlogFormatException(file.toString(), b.position(), "stream " + id + " declared twice");
                }
                list.add(new StreamDescriptor(id, kind, name, width, height, rate, channels, units));
            }
            int end = b.position();
            int stored = b.getInt();
            crc.reset();
            crc.update(b.array(), 0, end);
            if ((int) crc.getValue() != stored) {
                throw new VlogFormatException(file.toString(), end, "header CRC mismatch: the header is corrupt");
            }
            position = b.position();
        } catch (java.nio.BufferUnderflowException e) {
            throw new VlogFormatException(file.toString(), b.position(), "header ends early: the file is truncated");
        } catch (IllegalArgumentException e) {
            throw new VlogFormatException(file.toString(), b.position(), "bad stream descriptor: " + e.getMessage());
        }
        return Collections.unmodifiableList(list);
    }

    private static String getString(ByteBuffer b) {
        int len = b.getShort() & 0xFFFF;
        byte[] bytes = new byte[len];
        b.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public LogFormat format() {
        return LogFormat.VLOG;
    }

    @Override
    public List<StreamDescriptor> streams() {
        return streams;
    }

    @Override
    public List<SourceProblem> problems() {
        return Collections.unmodifiableList(problems);
    }

    /** Chunks read successfully so far. */
    public long chunksRead() {
        return chunksRead;
    }

    @Override
    public Batch next() throws IOException {
        while (position < fileSize) {
            Batch b = tryChunkAt(position, !resyncing);
            if (b != null) {
                return b;
            }
        }
        return null;
    }

    /**
     * Tries to read a chunk at {@code at}. On success advances past it and returns the batch. On
     * failure reports the problem (when {@code report}) and moves {@link #position} to the next chunk
     * marker after {@code at}, or to the end of the file.
     */
    private Batch tryChunkAt(long at, boolean report) throws IOException {
        String problem = null;
        int streamId = -1;
        header.clear();
        int got = ChannelReads.readFully(channel, header, at);
        if (got < VlogFormat.CHUNK_HEADER_BYTES) {
            problem = "torn chunk header at end of file: " + (fileSize - at) + " bytes skipped";
        } else {
            header.flip();
            int magic = header.getInt();
            int sid = header.getShort() & 0xFFFF;
            header.getShort();
            int count = header.getInt();
            int len = header.getInt();
            long first = header.getLong();
            int stored = header.getInt();
            if (magic != VlogFormat.CHUNK_MAGIC) {
                problem = "no chunk marker where a chunk should start";
            } else if (len < 0 || len > VlogFormat.MAX_PAYLOAD_BYTES) {
                problem = "payload length " + Integer.toUnsignedString(len) + " exceeds the "
                        + VlogFormat.MAX_PAYLOAD_BYTES + "-byte cap";
            } else if (at + VlogFormat.CHUNK_HEADER_BYTES + len > fileSize) {
                problem = "torn chunk at end of file: payload of " + len + " bytes, only "
                        + (fileSize - at - VlogFormat.CHUNK_HEADER_BYTES) + " present";
                streamId = sid;
            } else {
                ByteBuffer p = payloadBuffer(len);
                ChannelReads.readFully(channel, p, at + VlogFormat.CHUNK_HEADER_BYTES);
                p.flip();
                crc.reset();
                crc.update(header.array(), 4, 20);
                crc.update(p.array(), 0, len);
                streamId = sid;
                if ((int) crc.getValue() != stored) {
                    problem = "CRC32C mismatch: chunk skipped";
                } else {
                    StreamDescriptor d = byId.get(sid);
                    if (d == null) {
                        problem = "chunk names undeclared stream " + sid;
                    } else {
                        String bad = checkShape(d, count, len, d.kind() == StreamKind.DETECTIONS ? newlines(p, len) : 0);
                        if (bad != null) {
                            problem = bad;
                        } else {
                            position = at + VlogFormat.CHUNK_HEADER_BYTES + len;
                            chunksRead++;
                            resyncing = false;
                            return decode(d, count, first, p);
                        }
                    }
                }
            }
        }
        if (report) {
            SourceProblem sp = new SourceProblem(file.toString(), at, streamId, problem);
            problems.add(sp);
            Logger.warn("Skipped damaged chunk in {}", sp);
        }
        resyncing = true;
        position = nextMarkerAfter(at);
        return null;
    }

    private static String checkShape(StreamDescriptor d, int count, int len, int newlines) {
        long expected = switch (d.kind()) {
            case DVS -> (long) count * VlogFormat.DVS_EVENT_BYTES;
            case AUDIO, VIBRATION -> (long) count * d.channels() * 4;
            case DETECTIONS -> count == newlines ? len : -1;
        };
        if (count < 0 || expected != len) {
            return "element count " + count + " does not match payload length " + len;
        }
        return null;
    }

    private static int newlines(ByteBuffer p, int len) {
        int n = 0;
        for (int i = 0; i < len; i++) {
            if (p.get(i) == '\n') {
                n++;
            }
        }
        return n;
    }

    private long nextMarkerAfter(long at) throws IOException {
        long from = at + 1;
        while (from + 4 <= fileSize) {
            scan.clear();
            int n = ChannelReads.readFully(channel, scan, from);
            if (n < 4) {
                break;
            }
            for (int i = 0; i + 4 <= n; i++) {
                if (scan.getInt(i) == VlogFormat.CHUNK_MAGIC) {
                    return from + i;
                }
            }
            from += n - 3;
        }
        return fileSize;
    }

    private ByteBuffer payloadBuffer(int len) {
        if (payload.capacity() < len) {
            payload = ByteBuffer.allocate(Math.max(len, payload.capacity() * 2)).order(ByteOrder.LITTLE_ENDIAN);
        }
        payload.clear();
        payload.limit(len);
        return payload;
    }

    private Batch decode(StreamDescriptor d, int count, long first, ByteBuffer p) {
        switch (d.kind()) {
            case DVS -> {
                if (events == null) {
                    events = new EventBatch(d, count);
                }
                events.reset(d);
                events.ensureCapacity(count);
                long[] t = events.times();
                short[] xs = events.xs();
                short[] ys = events.ys();
                for (int i = 0; i < count; i++) {
                    t[i] = first + p.getInt(i << 2);
                }
                int xo = count << 2;
                int yo = xo + (count << 1);
                for (int i = 0; i < count; i++) {
                    xs[i] = p.getShort(xo + (i << 1));
                    ys[i] = p.getShort(yo + (i << 1));
                }
                p.position(yo + (count << 1));
                p.get(events.polarities(), 0, count);
                events.setSize(count);
                return events;
            }
            case AUDIO, VIBRATION -> {
                if (samples == null) {
                    samples = new SampleBatch(d, count);
                }
                samples.reset(d);
                samples.ensureFrames(count);
                p.asFloatBuffer().get(samples.samples(), 0, count * d.channels());
                samples.set(first, count);
                return samples;
            }
            case DETECTIONS -> {
                if (text == null) {
                    text = new TextBatch(d);
                }
                String s = new String(p.array(), 0, p.limit(), StandardCharsets.UTF_8);
                String[] parts = s.split("\n", -1);
                text.set(d, first, List.of(parts).subList(0, parts.length - 1));
                return text;
            }
            default -> throw new IllegalStateException("unhandled kind " + d.kind());
        }
    }

    @Override
    public double fractionRead() {
        return fileSize == 0 ? 1 : Math.min(1, position / (double) fileSize);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
