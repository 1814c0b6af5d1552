package dev.vigil.sensors.formats.nmnist;

import dev.vigil.sensors.StreamDescriptor;
import dev.vigil.sensors.formats.CameraGeometry;
import dev.vigil.sensors.formats.EventFileSource;
import dev.vigil.sensors.formats.FormatOptions;
import dev.vigil.sensors.formats.LogFormat;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Path;

/**
 * Reads N-MNIST {@code .bin} files (Orchard et al. 2015): no header, 5-byte events; byte 0 is x,
 * byte 1 is y, bit 7 of byte 2 the polarity (1 = ON), and a 23-bit timestamp in µs formed by the
 * low 7 bits of byte 2 and bytes 3 and 4, big-endian. The sensor is 34×34 unless options say else.
 */
public final class NmnistReader extends EventFileSource {
    private static final int EVENT_BYTES = 5;
    private long previous = -1;
    private long wrap;

    /** Opens {@code file}. */
    public NmnistReader(Path file, FormatOptions options) throws IOException {
        super(file, ByteOrder.BIG_ENDIAN, EVENT_BYTES, 0, options);
        CameraGeometry g = CameraGeometry.choose(options, null, new CameraGeometry(34, 34));
        describe(StreamDescriptor.dvs(0, "n-mnist", g.width(), g.height()));
    }

    @Override
    public LogFormat format() {
        return LogFormat.NMNIST;
    }

    @Override
    protected int decode(long[] t, short[] xs, short[] ys, byte[] ps, int pos, int end, int n) {
        byte[] a = window.array();
        for (; pos < end; pos += EVENT_BYTES) {
            int b2 = a[pos + 2] & 0xFF;
            long raw = ((b2 & 0x7F) << 16) | ((a[pos + 3] & 0xFF) << 8) | (a[pos + 4] & 0xFF);
            if (previous - raw > 1L << 22) {
                wrap += 1L << 23;
            }
            previous = raw;
            t[n] = timeGuard.place(wrap + raw, pos);
            xs[n] = (short) (a[pos] & 0xFF);
            ys[n] = (short) (a[pos + 1] & 0xFF);
            ps[n] = (byte) (b2 >>> 7);
            n++;
        }
        window.position(pos);
        return n;
    }
}
