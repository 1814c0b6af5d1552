package dev.vigil.sensors.formats.prophesee;

import dev.vigil.sensors.Batch;
import dev.vigil.sensors.EventBatch;
import dev.vigil.sensors.StreamDescriptor;
import dev.vigil.sensors.formats.CameraGeometry;
import dev.vigil.sensors.formats.FileWindowSource;
import dev.vigil.sensors.formats.FormatOptions;
import dev.vigil.sensors.formats.LogFormat;
import dev.vigil.sensors.formats.TextHeader;
import dev.vigil.sensors.formats.TimeGuard;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads Prophesee EVT 3.0 raw files: a {@code %} header, then 16-bit little-endian words, type in
 * the top four bits. The decoder keeps state as the format specifies: EVT_ADDR_Y (0) sets y;
 * EVT_ADDR_X (2) emits one event at x with its polarity; VECT_BASE_X (3) sets the base x and
 * polarity of the vector words VECT_12 (4) and VECT_8 (5), which emit one event per set bit and
 * advance the base by 12 or 8; EVT_TIME_LOW (6) and EVT_TIME_HIGH (8) set the 12 low and 12 high
 * bits of the 24-bit timestamp. A TIME_HIGH lower than the previous one is a wrap of the 24-bit
 * counter (+2^24 µs); a repeated, equal TIME_HIGH changes nothing. EXT_TRIGGER (10), OTHERS (14)
 * and CONTINUED (7, 15) words are counted and skipped; CD events before the first TIME_HIGH are
 * skipped. Event times pass a {@link TimeGuard}.
 */
public final class Evt3Reader extends FileWindowSource {
    private final StreamDescriptor stream;
    private final EventBatch batch;
    private final int target;
    private final TimeGuard timeGuard;
    private int y;
    private int baseX;
    private int vectorPolarity;
    private long timeHigh = -1;
    private long timeLow;
    private long overflow;
    private long early;
    private long triggers;
    private long others;

    /** Opens {@code file} and reads its header. */
    public Evt3Reader(Path file, FormatOptions options) throws IOException {
        super(file, ByteOrder.LITTLE_ENDIAN);
        try {
            TextHeader header = TextHeader.read(channel, name, '%', "end");
            stream = PropheseeHeader.stream(header, options, new CameraGeometry(1280, 720));
            seek(header.length());
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        target = options.batchEvents();
        batch = new EventBatch(stream, target + 12);
        timeGuard = new TimeGuard(options.maxTimeJumpUs(), (at, what) -> problem(offsetOf(at), stream.id(), what));
    }

    @Override
    public LogFormat format() {
        return LogFormat.EVT3;
    }

    @Override
    public List<StreamDescriptor> streams() {
        return List.of(stream);
    }

    @Override
    public Batch next() throws IOException {
        batch.clear();
        batch.ensureCapacity(target + 12);
        long[] t = batch.times();
        short[] xs = batch.xs();
        short[] ys = batch.ys();
        byte[] ps = batch.polarities();
        int n = 0;
        ByteBuffer w = window;
        byte[] a = w.array();
        long time = overflow + ((timeHigh < 0 ? 0 : timeHigh) << 12) + timeLow;
        while (n < target) {
            if (w.remaining() < 2 && fill() < 2) {
                break;
            }
            int pos = w.position();
            int end = pos + ((w.remaining() >> 1) << 1);
            for (; pos < end && n < target; pos += 2) {
                int word = (a[pos] & 0xFF) | (a[pos + 1] & 0xFF) << 8;
                switch (word >>> 12) {
                    case 0x0 -> y = word & 0x7FF;
                    case 0x2 -> {
                        if (timeHigh < 0) {
                            early++;
                        } else {
                            t[n] = timeGuard.place(time, pos);
                            xs[n] = (short) (word & 0x7FF);
                            ys[n] = (short) y;
                            ps[n] = (byte) ((word >>> 11) & 1);
                            n++;
                        }
                    }
                    case 0x3 -> {
                        baseX = word & 0x7FF;
                        vectorPolarity = (word >>> 11) & 1;
                    }
                    case 0x4 -> {
                        n = vector(word & 0xFFF, time, pos, t, xs, ys, ps, n);
                        baseX += 12;
                    }
                    case 0x5 -> {
                        n = vector(word & 0xFF, time, pos, t, xs, ys, ps, n);
                        baseX += 8;
                    }
                    case 0x6 -> {
                        timeLow = word & 0xFFF;
                        time = overflow + ((timeHigh < 0 ? 0 : timeHigh) << 12) + timeLow;
                    }
                    case 0x8 -> {
                        long high = word & 0xFFF;
                        if (timeHigh >= 0 && high < timeHigh) {
                            overflow += 1L << 24;
                        }
                        timeHigh = high;
                        time = overflow + (timeHigh << 12) + timeLow;
                    }
                    case 0xA -> triggers++;
                    default -> others++;
                }
            }
            w.position(pos);
        }
        flushCounts();
        if (n == 0) {
            reportTornTail(2);
            return null;
        }
        batch.setSize(n);
        return batch;
    }

    private int vector(int mask, long time, int pos, long[] t, short[] xs, short[] ys, byte[] ps, int n) {
        if (timeHigh < 0) {
            early += Integer.bitCount(mask);
            return n;
        }
        short row = (short) y;
        byte pol = (byte) vectorPolarity;
        int m = mask;
        while (m != 0) {
            int bit = Integer.numberOfTrailingZeros(m);
            t[n] = timeGuard.place(time, pos);
            xs[n] = (short) (baseX + bit);
            ys[n] = row;
            ps[n] = pol;
            n++;
            m &= m - 1;
        }
        return n;
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
