package dev.vigil.sensors.formats.aedat;

import dev.vigil.sensors.StreamDescriptor;
import dev.vigil.sensors.formats.CameraGeometry;
import dev.vigil.sensors.formats.EventFileSource;
import dev.vigil.sensors.formats.FormatOptions;
import dev.vigil.sensors.formats.LogFormat;
import dev.vigil.sensors.formats.TextHeader;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads jAER AEDAT 2.0: {@code #} header lines, then 8-byte big-endian events (int32 address, int32
 * timestamp in µs). The address layout follows the chip the header names: DVS128 ({@code y·256 +
 * (127−x)·2 + polarity}, bit 15 marking external events) or DAVIS (bit 31 = APS/IMU sample, y in
 * bits 22–30, x in bits 12–21, polarity in bit 11). External events and APS/IMU samples are counted
 * and skipped. Without a chip name the DVS128 layout is assumed.
 */
public final class Aedat2Reader extends EventFileSource {
    private static final int EVENT_BYTES = 8;
    private final boolean davis;
    private long previous = -1;
    private long wrap;
    private long special;

    /** Opens {@code file} and reads its header. */
    public Aedat2Reader(Path file, FormatOptions options) throws IOException {
        super(file, ByteOrder.BIG_ENDIAN, EVENT_BYTES, 0, options);
        try {
            TextHeader header = TextHeader.read(channel, name, '#', "End Of ASCII Header");
            String text = header.text().toLowerCase(Locale.ROOT);
            davis = text.contains("davis");
            CameraGeometry named = CameraGeometry.byName(text);
            CameraGeometry g = CameraGeometry.choose(options, named,
                    davis ? new CameraGeometry(240, 180) : new CameraGeometry(128, 128));
            describe(StreamDescriptor.dvs(0, davis ? "DAVIS" : "DVS128", g.width(), g.height()));
            seek(header.length());
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    public LogFormat format() {
        return LogFormat.AEDAT2;
    }

    @Override
    protected int decode(long[] t, short[] xs, short[] ys, byte[] ps, int pos, int end, int n) {
        ByteBuffer w = window;
        for (; pos < end; pos += EVENT_BYTES) {
            int address = w.getInt(pos);
            long raw = w.getInt(pos + 4) & 0xFFFF_FFFFL;
            if (previous - raw > 1L << 31) {
                wrap += 1L << 32;
            }
            previous = raw;
            if (davis) {
                if (address < 0) {
                    special++;
                    continue;
                }
                xs[n] = (short) ((address >>> 12) & 0x3FF);
                ys[n] = (short) ((address >>> 22) & 0x1FF);
                ps[n] = (byte) ((address >>> 11) & 1);
            } else {
                if ((address & 0x8000) != 0) {
                    special++;
                    continue;
                }
                xs[n] = (short) (127 - ((address >>> 1) & 0x7F));
                ys[n] = (short) ((address >>> 8) & 0x7F);
                ps[n] = (byte) (address & 1);
            }
            t[n] = timeGuard.place(wrap + raw, pos);
            n++;
        }
        w.position(pos);
        return n;
    }

    @Override
    protected void endOfBatch() {
        skip(davis ? "APS/IMU samples" : "external events", special);
        special = 0;
    }
}
