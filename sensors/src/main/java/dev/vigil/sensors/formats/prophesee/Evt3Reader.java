package dev.vigil.sensors.formats.prophesee;

import dev.vigil.sensors.formats.CameraGeometry;
import dev.vigil.sensors.formats.FormatOptions;
import dev.vigil.sensors.formats.LogFormat;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads Prophesee EVT 3.0 raw files: a {@code %} header, then 16-bit little-endian words, type in
 * the top four bits. The decoder keeps state as the format specifies: EVT_ADDR_Y (0) sets y;
 * EVT_ADDR_X (2) emits one event at x with its polarity; VECT_BASE_X (3) sets the base x and
 * polarity of the vector words VECT_12 (4) and VECT_8 (5), which emit one event per set bit and
 * advance the base by 12 or 8; EVT_TIME_LOW (6) and EVT_TIME_HIGH (8) set the 12 low and 12 high
 * bits of the 24-bit timestamp. A TIME_HIGH lower than the previous one is a wrap of the 24-bit
 * counter (+2^24 µs); a repeated, equal TIME_HIGH changes nothing. EXT_TRIGGER (10), OTHERS (14)
 * and CONTINUED (7, 15) words are counted and skipped; CD events before the first TIME_HIGH are
 * skipped.
 */
public final class Evt3Reader extends PropheseeRawReader {
    private int y;
    private int baseX;
    private int vectorPolarity;
    private long timeHigh = -1;
    private long timeLow;
    private long overflow;

    /** Opens {@code file} and reads its header. */
    public Evt3Reader(Path file, FormatOptions options) throws IOException {
        super(file, options, 2, 12, new CameraGeometry(1280, 720));
    }

    @Override
    public LogFormat format() {
        return LogFormat.EVT3;
    }

    @Override
    protected int decode(long[] t, short[] xs, short[] ys, byte[] ps, int pos, int end, int n) {
        byte[] a = window.array();
        long time = overflow + ((timeHigh < 0 ? 0 : timeHigh) << 12) + timeLow;
        for (; pos < end && n < target; pos += 2) {
            int word = (a[pos] & 0xFF) | (a[pos + 1] & 0xFF) << 8;
            switch (word >>> 12) {
                case 0x0 -> y = word & 0x7FF;
                case 0x2 -> {
                    if (timeHigh < 0) {
                        early++;
                    } else {
                        t[n] = time;
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
                    n = vector(word & 0xFFF, time, t, xs, ys, ps, n);
                    baseX += 12;
                }
                case 0x5 -> {
                    n = vector(word & 0xFF, time, t, xs, ys, ps, n);
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
        window.position(pos);
        return n;
    }

    private int vector(int mask, long time, long[] t, short[] xs, short[] ys, byte[] ps, int n) {
        if (timeHigh < 0) {
            early += Integer.bitCount(mask);
            return n;
        }
        short row = (short) y;
        byte pol = (byte) vectorPolarity;
        int m = mask;
        while (m != 0) {
            int bit = Integer.numberOfTrailingZeros(m);
            t[n] = time;
            xs[n] = (short) (baseX + bit);
            ys[n] = row;
            ps[n] = pol;
            n++;
            m &= m - 1;
        }
        return n;
    }
}
