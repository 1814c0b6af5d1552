package dev.vigil.sensors.formats.prophesee;

import dev.vigil.sensors.Batch;
import dev.vigil.sensors.EventBatch;
import dev.vigil.sensors.StreamDescriptor;
import dev.vigil.sensors.formats.CameraGeometry;
import dev.vigil.sensors.formats.FileWindowSource;
import dev.vigil.sensors.formats.FormatOptions;
import dev.vigil.sensors.formats.LogFormat;
import dev.vigil.sensors.formats.TextHeader;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads Prophesee EVT 2.0 raw files: a {@code %} header, then 32-bit little-endian words whose top
 * four bits give the type. CD_OFF (0) and CD_ON (1) carry 6 timestamp LSBs, x (11 bits) and y
 * (11 bits); EVT_TIME_HIGH (8) the 28 timestamp MSBs; EXT_TRIGGER (10), OTHERS (14) and CONTINUED
 * (15) are counted and skipped. CD events before the first TIME_HIGH have no time and are skipped.
 */
public final class Evt2Reader extends FileWindowSource {
    private final StreamDescriptor stream;
    private final EventBatch batch;
    private final int target;
    private long timeHigh = -1;
    private long highOffset;
    private long early;
    private long triggers;
    private long others;

    /** Opens {@code file} and reads its header. */
    public Evt2Reader(Path file, FormatOptions options) throws IOException {
        super(file, ByteOrder.LITTLE_ENDIAN);
        try {
            TextHeader header = TextHeader.read(channel, name, '%', "end");
            CameraGeometry g = PropheseeHeader.geometry(header, options, new CameraGeometry(640, 480));
            stream = StreamDescriptor.dvs(0, header.value("serial_number").isEmpty() ? "prophesee"
                    : "prophesee " + header.value("serial_number"), g.width(), g.height());
            seek(header.length());
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        target = options.batchEvents();
        batch = new EventBatch(stream, target);
    }

    @Override
    public LogFormat format() {
        return LogFormat.EVT2;
    }

    @Override
    public List<StreamDescriptor> streams() {
        return List.of(stream);
    }

    @Override
    public Batch next() throws IOException {
        batch.clear();
        batch.ensureCapacity(target);
        long[] t = batch.times();
        short[] xs = batch.xs();
        short[] ys = batch.ys();
        byte[] ps = batch.polarities();
        int n = 0;
        ByteBuffer w = window;
        while (n < target) {
            if (w.remaining() < 4 && fill() < 4) {
                break;
            }
            int pos = w.position();
            int end = pos + ((w.remaining() >> 2) << 2);
            end = Math.min(end, pos + ((target - n) << 2));
            for (; pos < end; pos += 4) {
                int word = w.getInt(pos);
                int type = word >>> 28;
                if (type <= 1) {
                    if (timeHigh < 0) {
                        early++;
                        continue;
                    }
                    t[n] = ((highOffset + timeHigh) << 6) | ((word >>> 22) & 0x3F);
                    xs[n] = (short) ((word >>> 11) & 0x7FF);
                    ys[n] = (short) (word & 0x7FF);
                    ps[n] = (byte) type;
                    n++;
                } else if (type == 8) {
                    long high = word & 0x0FFF_FFFFL;
                    if (timeHigh - high > 1L << 27) {
                        highOffset += 1L << 28;
                    }
                    timeHigh = high;
                } else if (type == 10) {
                    triggers++;
                } else {
                    others++;
                }
            }
            w.position(pos);
        }
        if (n == 0) {
            reportTornTail(4);
            flushCounts();
            return null;
        }
        flushCounts();
        batch.setSize(n);
        return batch;
    }

    private void flushCounts() {
        skip("events before the first TIME_HIGH", early);
        skip("triggers", triggers);
        skip("other words", others);
        early = 0;
        triggers = 0;
        others = 0;
    }
}
