package dev.vigil.sensors.formats.aedat;

import dev.vigil.sensors.Batch;
import dev.vigil.sensors.EventBatch;
import dev.vigil.sensors.SampleBatch;
import dev.vigil.sensors.StreamDescriptor;
import dev.vigil.sensors.StreamKind;
import dev.vigil.sensors.formats.CameraGeometry;
import dev.vigil.sensors.formats.ChannelReads;
import dev.vigil.sensors.formats.FileWindowSource;
import dev.vigil.sensors.formats.FormatOptions;
import dev.vigil.sensors.formats.LogFormat;
import dev.vigil.sensors.formats.TextHeader;
import dev.vigil.sensors.formats.TimeGuard;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads cAER AEDAT 3.1: {@code #} header lines up to {@code #!END-HEADER}, then packets, each a
 * 28-byte little-endian header (int16 type, int16 source, int32 event size, int32 timestamp offset,
 * int32 timestamp overflow, int32 capacity, int32 number, int32 valid) and {@code capacity × size}
 * bytes of events. Polarity events (type 1: uint32 data with valid bit 0, polarity bit 1, y in bits
 * 2–16, x in bits 17–31; int32 timestamp) become events, timestamps extended with the packet's
 * overflow counter (·2^31) and passed through a {@link TimeGuard}. IMU6 events (type 3) become a
 * 3-axis vibration stream in g. Special, frame, IMU9 and other packets are counted and skipped, as are
 * invalid events.
 */
public final class Aedat31Reader extends FileWindowSource {
    private static final int PACKET_HEADER = 28;
    private final FormatOptions options;
    private final List<StreamDescriptor> streams = new ArrayList<>();
    private final StreamDescriptor dvs;
    private final StreamDescriptor imu;
    private final ByteBuffer header = ByteBuffer.allocate(PACKET_HEADER).order(ByteOrder.LITTLE_ENDIAN);
    private ByteBuffer payload = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
    private final EventBatch events;
    private SampleBatch samples;
    private final TimeGuard timeGuard;
    private long position;
    private long packetAt;

    /** Opens {@code file} and reads its header. */
    public Aedat31Reader(Path file, FormatOptions options) throws IOException {
        super(file, ByteOrder.LITTLE_ENDIAN);
        this.options = options;
        try {
            TextHeader h = TextHeader.read(channel, name, '#', "!END-HEADER");
            String source = h.value("Source 1");
            String text = h.text().toLowerCase(Locale.ROOT);
            CameraGeometry g = CameraGeometry.choose(options, CameraGeometry.byName(text), new CameraGeometry(346, 260));
            dvs = StreamDescriptor.dvs(0, source.isEmpty() ? "cAER" : source, g.width(), g.height());
            streams.add(dvs);
            if (text.contains("davis")) {
                imu = StreamDescriptor.sampled(1, StreamKind.VIBRATION, dvs.name() + " IMU accelerometer",
                        options.imuRateHz(), 3, "g");
                streams.add(imu);
            } else {
                imu = null;
            }
            position = h.length();
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        events = new EventBatch(dvs, options.batchEvents());
        timeGuard = new TimeGuard(options.maxTimeJumpUs(),
                (at, what) -> problem(packetAt + PACKET_HEADER + at, dvs.id(), what));
    }

    @Override
    public LogFormat format() {
        return LogFormat.AEDAT31;
    }

    @Override
    public List<StreamDescriptor> streams() {
        return List.copyOf(streams);
    }

    @Override
    public Batch next() throws IOException {
        while (position < fileSize) {
            long at = position;
            header.clear();
            if (ChannelReads.readFully(channel, header, at) < PACKET_HEADER) {
                problem(at, -1, "torn packet header: " + (fileSize - at) + " trailing bytes skipped");
                position = fileSize;
                return null;
            }
            int type = header.getShort(0);
            int size = header.getInt(4);
            int overflow = header.getInt(12);
            int capacity = header.getInt(16);
            int number = header.getInt(20);
            long bytes = (long) size * capacity;
            if (size <= 0 || capacity < 0 || number < 0 || number > capacity || bytes > options.maxPacketBytes()
                    || at + PACKET_HEADER + bytes > fileSize) {
                problem(at, type, "bad or torn packet header (event size " + size + ", capacity " + capacity
                        + ", number " + number + "); rest of file skipped");
                position = fileSize;
                return null;
            }
            position = at + PACKET_HEADER + bytes;
            if (type == 1 && size >= 8) {
                return polarity(at, number, size, overflow);
            } else if (type == 3 && size >= 36 && imu != null) {
                return imu(at, number, size, overflow);
            }
            skip(switch (type) {
                case 0 -> "special events";
                case 2 -> "frames";
                case 3, 4 -> "IMU samples";
                default -> "events of type " + type;
            }, number);
        }
        return null;
    }

    private ByteBuffer load(long at, int bytes) throws IOException {
        if (payload.capacity() < bytes) {
            payload = ByteBuffer.allocate(Math.max(bytes, payload.capacity() * 2)).order(ByteOrder.LITTLE_ENDIAN);
        }
        payload.clear().limit(bytes);
        ChannelReads.readFully(channel, payload, at + PACKET_HEADER);
        return payload;
    }

    private Batch polarity(long at, int number, int size, int overflow) throws IOException {
        ByteBuffer p = load(at, number * size);
        packetAt = at;
        events.clear();
        events.ensureCapacity(number);
        long[] t = events.times();
        short[] xs = events.xs();
        short[] ys = events.ys();
        byte[] ps = events.polarities();
        long high = (long) overflow << 31;
        int n = 0;
        int invalid = 0;
        for (int i = 0, pos = 0; i < number; i++, pos += size) {
            int data = p.getInt(pos);
            if ((data & 1) == 0) {
                invalid++;
                continue;
            }
            t[n] = timeGuard.place(high | (p.getInt(pos + 4) & 0x7FFF_FFFFL), pos);
            ys[n] = (short) ((data >>> 2) & 0x7FFF);
            xs[n] = (short) ((data >>> 17) & 0x7FFF);
            ps[n] = (byte) ((data >>> 1) & 1);
            n++;
        }
        skip("invalid events", invalid);
        events.setSize(n);
        return events;
    }

    private Batch imu(long at, int number, int size, int overflow) throws IOException {
        ByteBuffer p = load(at, number * size);
        if (samples == null) {
            samples = new SampleBatch(imu, Math.max(64, number));
        }
        samples.reset(imu);
        samples.ensureFrames(number);
        float[] s = samples.samples();
        long high = (long) overflow << 31;
        long first = 0;
        int n = 0;
        for (int i = 0, pos = 0; i < number; i++, pos += size) {
            if ((p.getInt(pos) & 1) == 0) {
                skip("invalid events", 1);
                continue;
            }
            if (n == 0) {
                first = high | (p.getInt(pos + 4) & 0x7FFF_FFFFL);
            }
            s[3 * n] = p.getFloat(pos + 8);
            s[3 * n + 1] = p.getFloat(pos + 12);
            s[3 * n + 2] = p.getFloat(pos + 16);
            n++;
        }
        samples.set(first, n);
        return samples;
    }
}
