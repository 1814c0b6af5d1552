package dev.vigil.sensors.formats.nmnist;

import dev.vigil.sensors.Batch;
import dev.vigil.sensors.EventBatch;
import dev.vigil.sensors.StreamDescriptor;
import dev.vigil.sensors.formats.CameraGeometry;
import dev.vigil.sensors.formats.FileWindowSource;
import dev.vigil.sensors.formats.FormatOptions;
import dev.vigil.sensors.formats.LogFormat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads N-MNIST {@code .bin} files (Orchard et al. 2015): no header, 5-byte events; byte 0 is x,
 * byte 1 is y, bit 7 of byte 2 the polarity (1 = ON), and a 23-bit timestamp in µs formed by the
 * low 7 bits of byte 2 and bytes 3 and 4, big-endian. The sensor is 34×34 unless options say else.
 */
public final class NmnistReader extends FileWindowSource {
    private static final int EVENT_BYTES = 5;
    private final StreamDescriptor stream;
    private final EventBatch batch;
    private final int target;
    private long previous = -1;
    private long wrap;

    /** Opens {@code file}. */
    public NmnistReader(Path file, FormatOptions options) throws IOException {
        super(file, ByteOrder.BIG_ENDIAN);
        CameraGeometry g = CameraGeometry.choose(options, null, new CameraGeometry(34, 34));
        stream = StreamDescriptor.dvs(0, "n-mnist", g.width(), g.height());
        target = options.batchEvents();
        batch = new EventBatch(stream, target);
    }

    @Override
    public LogFormat format() {
        return LogFormat.NMNIST;
    }

    @Override
    public List<StreamDescriptor> streams() {
        return List.of(stream);
    }

    @Override
    public Batch next() throws IOException {
        batch.clear();
        long[] t = batch.times();
        short[] xs = batch.xs();
        short[] ys = batch.ys();
        byte[] ps = batch.polarities();
        int n = 0;
        ByteBuffer w = window;
        byte[] a = w.array();
        while (n < target) {
            if (w.remaining() < EVENT_BYTES && fill() < EVENT_BYTES) {
                break;
            }
            int pos = w.position();
            int count = Math.min(target - n, w.remaining() / EVENT_BYTES);
            for (int i = 0; i < count; i++, pos += EVENT_BYTES) {
                int b2 = a[pos + 2] & 0xFF;
                long raw = ((b2 & 0x7F) << 16) | ((a[pos + 3] & 0xFF) << 8) | (a[pos + 4] & 0xFF);
                if (previous - raw > 1L << 22) {
                    wrap += 1L << 23;
                }
                previous = raw;
                t[n] = wrap + raw;
                xs[n] = (short) (a[pos] & 0xFF);
                ys[n] = (short) (a[pos + 1] & 0xFF);
                ps[n] = (byte) (b2 >>> 7);
                n++;
            }
            w.position(pos);
        }
        if (n == 0) {
            reportTornTail(EVENT_BYTES);
            return null;
        }
        batch.setSize(n);
        return batch;
    }
}
