package dev.vigil.sensors.formats.aedat;

import dev.vigil.sensors.Batch;
import dev.vigil.sensors.EventBatch;
import dev.vigil.sensors.SampleBatch;
import dev.vigil.sensors.SourceProblem;
import dev.vigil.sensors.StreamDescriptor;
import dev.vigil.sensors.StreamKind;
import dev.vigil.sensors.formats.ChannelReads;
import dev.vigil.sensors.formats.FormatOptions;
import dev.vigil.sensors.formats.LogFormat;
import dev.vigil.sensors.formats.LogFormatException;
import dev.vigil.sensors.formats.LogSource;
import dev.vigil.sensors.formats.RegularFile;
import dev.vigil.sensors.formats.SkippedElements;
import dev.vigil.sensors.formats.TimeGuard;
import org.tinylog.Logger;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads iniVation AEDAT 4.0: the {@code #!AER-DAT4.0} line, the size-prefixed {@code IOHeader}
 * flatbuffer, then packets ({@code int32 streamId, int32 size, payload}) up to the data table.
 * Polarity packets (EVTS) become {@link EventBatch}es (times through a {@link TimeGuard} per stream,
 * damage reported at the packet's offset), IMU packets (IMUS) a 3-axis vibration stream
 * of accelerations in g; frames (FRME), triggers (TRIG) and unknown types are skipped and counted.
 * A packet that cannot be decompressed or parsed is reported and skipped; a packet length beyond
 * {@link FormatOptions#maxPacketBytes()} or past the end of the file ends the data, reported.
 */
public final class Aedat4Reader implements LogSource, SkippedElements {
    /** The first line of every AEDAT 4.0 file. */
    public static final byte[] MAGIC = "#!AER-DAT4.0\r\n".getBytes(StandardCharsets.US_ASCII);
    /** Cap on the IOHeader size, 16 MiB. */
    public static final int MAX_HEADER_BYTES = 16 << 20;

    private final Path file;
    private final String name;
    private final FileChannel channel;
    private final FormatOptions options;
    private final List<StreamDescriptor> streams = new ArrayList<>();
    private final Map<Integer, Aedat4StreamInfo> infos = new HashMap<>();
    private final Map<Integer, StreamDescriptor> byId = new HashMap<>();
    private final Map<Integer, TimeGuard> timeGuards = new HashMap<>();
    private final List<SourceProblem> problems = new ArrayList<>();
    private final Map<String, Long> skipped = new LinkedHashMap<>();
    private final ByteBuffer packetHeader = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
    private final PacketDecompressor decompressor;
    private final Aedat4Compression compression;
    private final long dataEnd;
    private byte[] payload = new byte[1 << 16];
    private EventBatch events;
    private SampleBatch samples;
    private long position;
    private long packetAt;

    /** Opens {@code file} and reads its header. */
    public Aedat4Reader(Path file, FormatOptions options) throws IOException {
        this.file = file;
        this.name = file.toString();
        this.options = options;
        RegularFile.require(file);
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            long size = channel.size();
            ByteBuffer head = ByteBuffer.allocate(MAGIC.length + 4).order(ByteOrder.LITTLE_ENDIAN);
            if (ChannelReads.readFully(channel, head, 0) < head.capacity()) {
                throw new LogFormatException(name, 0, "header", "too short for AEDAT 4.0 (" + size + " bytes)");
            }
            for (int i = 0; i < MAGIC.length; i++) {
                if (head.get(i) != MAGIC[i]) {
                    throw new LogFormatException(name, i, "magic", "not an AEDAT 4.0 file (no #!AER-DAT4.0 line)");
                }
            }
            long headerSize = Integer.toUnsignedLong(head.getInt(MAGIC.length));
            if (headerSize > MAX_HEADER_BYTES || MAGIC.length + 4 + headerSize > size) {
                throw new LogFormatException(name, MAGIC.length, "IOHeader size", "declares " + headerSize
                        + " bytes; the cap is " + MAX_HEADER_BYTES + " and the file has " + size);
            }
            byte[] hb = new byte[(int) headerSize + 4];
            ByteBuffer hbb = ByteBuffer.wrap(hb);
            ChannelReads.readFully(channel, hbb, MAGIC.length);
            FlatBufferView header = new FlatBufferView(hb, 0, hb.length, name, MAGIC.length, "IOHeader");
            int root = header.root();
            int code = header.intField(root, 0, 0);
            compression = Aedat4Compression.ofCode(code);
            if (compression == null) {
                throw new LogFormatException(name, MAGIC.length, "IOHeader compression", "unknown compression type " + code);
            }
            long table = header.longField(root, 1, -1);
            position = MAGIC.length + 4 + headerSize;
            dataEnd = table >= position && table <= size ? table : size;
            declareStreams(Aedat4StreamInfo.parse(header.string(root, 2), name, MAGIC.length));
            decompressor = new PacketDecompressor(compression, options.maxPacketBytes());
        } catch (IOException e) {
            channel.close();
            throw e;
        } catch (RuntimeException e) {
            channel.close();
            throw new LogFormatException(name, -1, "header", "malformed header: " + e, e);
        }
    }

    private void declareStreams(List<Aedat4StreamInfo> declared) {
        for (Aedat4StreamInfo s : declared) {
            infos.put(s.id(), s);
            StreamDescriptor d = switch (s.typeIdentifier()) {
                case "EVTS" -> s.sizeX() > 0 && s.sizeY() > 0
                        ? StreamDescriptor.dvs(s.id(), s.source(), s.sizeX(), s.sizeY())
                        : StreamDescriptor.dvs(s.id(), s.source(),
                                Math.max(1, options.width()), Math.max(1, options.height()));
                case "IMUS" -> StreamDescriptor.sampled(s.id(), StreamKind.VIBRATION, s.source() + " IMU accelerometer",
                        options.imuRateHz(), 3, "g");
                default -> null;
            };
            if (d != null) {
                streams.add(d);
                byId.put(d.id(), d);
            }
            if (d != null && d.kind() == StreamKind.DVS) {
                timeGuards.put(d.id(), new TimeGuard(options.maxTimeJumpUs(), (at, what) -> problem(packetAt, s.id(), what)));
            }
        }
    }

    /** The compression the header declares. */
    public Aedat4Compression compression() {
        return compression;
    }

    /** Every stream the header declares, including those not turned into Vigil streams. */
    public List<Aedat4StreamInfo> declaredStreams() {
        return infos.values().stream().sorted(java.util.Comparator.comparingInt(Aedat4StreamInfo::id)).toList();
    }

    @Override
    public LogFormat format() {
        return LogFormat.AEDAT4;
    }

    @Override
    public List<StreamDescriptor> streams() {
        return Collections.unmodifiableList(streams);
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
    public Batch next() throws IOException {
        while (position + 8 <= dataEnd) {
            long at = position;
            packetHeader.clear();
            ChannelReads.readFully(channel, packetHeader, at);
            int streamId = packetHeader.getInt(0);
            long size = Integer.toUnsignedLong(packetHeader.getInt(4));
            if (size > options.maxPacketBytes() || at + 8 + size > dataEnd) {
                problem(at, streamId, size > options.maxPacketBytes()
                        ? "packet size " + size + " exceeds the " + options.maxPacketBytes() + "-byte cap; rest of file skipped"
                        : "torn packet: " + size + " bytes declared, " + (dataEnd - at - 8) + " left; rest of file skipped");
                position = dataEnd;
                return null;
            }
            position = at + 8 + size;
            Aedat4StreamInfo info = infos.get(streamId);
            if (info == null) {
                problem(at, streamId, "packet for undeclared stream " + streamId + " skipped");
                continue;
            }
            if ("FRME".equals(info.typeIdentifier())) {
                count("frames", 1);
                continue;
            }
            Batch b = decodePacket(at, info, (int) size);
            if (b != null) {
                return b;
            }
        }
        if (position < dataEnd) {
            problem(position, -1, "torn packet header: " + (dataEnd - position) + " trailing bytes skipped");
            position = dataEnd;
        }
        return null;
    }

    private Batch decodePacket(long at, Aedat4StreamInfo info, int size) throws IOException {
        packetAt = at;
        if (payload.length < size) {
            payload = new byte[Math.max(size, Math.min(options.maxPacketBytes(), payload.length * 2))];
        }
        ChannelReads.readFully(channel, ByteBuffer.wrap(payload, 0, size), at + 8);
        try {
            decompressor.decompress(payload, size);
            FlatBufferView fb = new FlatBufferView(decompressor.bytes(), 0, decompressor.length(), name, -1,
                    "packet at byte " + at);
            return switch (info.typeIdentifier()) {
                case "EVTS" -> decodeEvents(fb, byId.get(info.id()));
                case "IMUS" -> decodeImu(fb, byId.get(info.id()));
                case "TRIG" -> {
                    int v = fb.vector(fb.root(), 0, 4);
                    count("triggers", v < 0 ? 0 : fb.length(v));
                    yield null;
                }
                default -> {
                    count(info.typeIdentifier().isEmpty() ? "unknown" : info.typeIdentifier(), 1);
                    yield null;
                }
            };
        } catch (IOException | RuntimeException e) {
            problem(at, info.id(), "packet skipped: " + e.getMessage());
            return null;
        }
    }

    private Batch decodeEvents(FlatBufferView fb, StreamDescriptor d) throws LogFormatException {
        int v = fb.vector(fb.root(), 0, 16);
        int n = v < 0 ? 0 : fb.length(v);
        if (events == null) {
            events = new EventBatch(d, Math.max(n, options.batchEvents()));
        }
        events.reset(d);
        events.ensureCapacity(n);
        ByteBuffer b = fb.buffer();
        long[] t = events.times();
        short[] xs = events.xs();
        short[] ys = events.ys();
        byte[] ps = events.polarities();
        TimeGuard guard = timeGuards.get(d.id());
        int p = v + 4;
        for (int i = 0; i < n; i++, p += 16) {
            t[i] = guard.place(b.getLong(p), p);
            xs[i] = b.getShort(p + 8);
            ys[i] = b.getShort(p + 10);
            ps[i] = (byte) (b.get(p + 12) != 0 ? 1 : 0);
        }
        events.setSize(n);
        return events;
    }

    private Batch decodeImu(FlatBufferView fb, StreamDescriptor d) throws LogFormatException {
        int v = fb.vector(fb.root(), 0, 4);
        int n = v < 0 ? 0 : fb.length(v);
        if (samples == null) {
            samples = new SampleBatch(d, Math.max(n, 64));
        }
        samples.reset(d);
        samples.ensureFrames(n);
        float[] s = samples.samples();
        long first = 0;
        for (int i = 0; i < n; i++) {
            int imu = fb.tableAt(v, i);
            if (i == 0) {
                first = fb.longField(imu, 0, 0);
            }
            s[3 * i] = fb.floatField(imu, 2);
            s[3 * i + 1] = fb.floatField(imu, 3);
            s[3 * i + 2] = fb.floatField(imu, 4);
        }
        samples.set(first, n);
        return samples;
    }

    private void count(String kind, long n) {
        skipped.merge(kind, n, Long::sum);
    }

    private void problem(long at, int stream, String what) {
        SourceProblem p = new SourceProblem(name, at, stream, what);
        problems.add(p);
        Logger.warn("AEDAT4: {}", p);
    }

    @Override
    public double fractionRead() {
        return dataEnd == 0 ? 1 : Math.min(1, position / (double) dataEnd);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
