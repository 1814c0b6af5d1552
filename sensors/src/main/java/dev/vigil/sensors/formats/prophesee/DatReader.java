package dev.vigil.sensors.formats.prophesee;

import dev.vigil.sensors.StreamDescriptor;
import dev.vigil.sensors.formats.CameraGeometry;
import dev.vigil.sensors.formats.EventFileSource;
import dev.vigil.sensors.formats.FormatOptions;
import dev.vigil.sensors.formats.LogFormat;
import dev.vigil.sensors.formats.LogFormatException;
import dev.vigil.sensors.formats.TextHeader;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

/**
 * Reads Prophesee / Chronocam DAT files: a {@code %} header, an event-type byte and an event-size
 * byte (8), then 8-byte little-endian events: uint32 time in µs, uint32 with x in bits 0–13, y in
 * bits 14–27 and polarity in bits 28–31. When neither the header nor the options give the
 * resolution, one pass over the events finds the largest x and y.
 */
public final class DatReader extends EventFileSource {
    private static final int EVENT_BYTES = 8;
    private final long dataStart;
    private long previous = -1;
    private long wrap;

    /** Opens {@code file} and reads its header. */
    public DatReader(Path file, FormatOptions options) throws IOException {
        super(file, ByteOrder.LITTLE_ENDIAN, EVENT_BYTES, 0, options);
        try {
            TextHeader header = TextHeader.read(channel, name, '%', "end");
            seek(header.length());
            if (window.remaining() < 2) {
                throw new LogFormatException(name, header.length(), "event type/size", "file ends after the header");
            }
            int size = window.get(window.position() + 1) & 0xFF;
            if (size != EVENT_BYTES) {
                throw new LogFormatException(name, header.length() + 1, "event size",
                        "events of " + size + " bytes are not supported (only 8-byte CD events)");
            }
            dataStart = header.length() + 2L;
            CameraGeometry g = PropheseeHeader.geometry(header, options, null);
            if (g == null) {
                g = scanGeometry();
            }
            describe(StreamDescriptor.dvs(0, "dat", g.width(), g.height()));
            seek(dataStart);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private CameraGeometry scanGeometry() throws IOException {
        seek(dataStart);
        int maxX = 0;
        int maxY = 0;
        while (window.remaining() >= EVENT_BYTES || fill() >= EVENT_BYTES) {
            int pos = window.position();
            int end = pos + window.remaining() / EVENT_BYTES * EVENT_BYTES;
            for (; pos < end; pos += EVENT_BYTES) {
                int d = window.getInt(pos + 4);
                maxX = Math.max(maxX, d & 0x3FFF);
                maxY = Math.max(maxY, (d >>> 14) & 0x3FFF);
            }
            window.position(pos);
        }
        return new CameraGeometry(maxX + 1, maxY + 1);
    }

    @Override
    public LogFormat format() {
        return LogFormat.DAT;
    }

    @Override
    protected int decode(long[] t, short[] xs, short[] ys, byte[] ps, int pos, int end, int n) {
        ByteBuffer w = window;
        for (; pos < end; pos += EVENT_BYTES) {
            long raw = w.getInt(pos) & 0xFFFF_FFFFL;
            if (previous - raw > 1L << 31) {
                wrap += 1L << 32;
            }
            previous = raw;
            int d = w.getInt(pos + 4);
            t[n] = timeGuard.place(wrap + raw, pos);
            xs[n] = (short) (d & 0x3FFF);
            ys[n] = (short) ((d >>> 14) & 0x3FFF);
            ps[n] = (byte) ((d >>> 28) != 0 ? 1 : 0);
            n++;
        }
        w.position(pos);
        return n;
    }
}
