package dev.vigil.sensors.formats.prophesee;

import dev.vigil.sensors.formats.CameraGeometry;
import dev.vigil.sensors.formats.EventFileSource;
import dev.vigil.sensors.formats.FormatOptions;
import dev.vigil.sensors.formats.LogFormat;
import dev.vigil.sensors.formats.TextHeader;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

/**
 * Reads Prophesee EVT 2.0 raw files: a {@code %} header, then 32-bit little-endian words whose top
 * four bits give the type. CD_OFF (0) and CD_ON (1) carry 6 timestamp LSBs, x (11 bits) and y
 * (11 bits); EVT_TIME_HIGH (8) the 28 timestamp MSBs; EXT_TRIGGER (10), OTHERS (14) and CONTINUED
 * (15) are counted and skipped. CD events before the first TIME_HIGH have no time and are skipped.
 */
public final class Evt2Reader extends EventFileSource {
    private long timeHigh = -1;
    private long highOffset;
    private long early;
    private long triggers;
    private long others;

    /** Opens {@code file} and reads its header. */
    public Evt2Reader(Path file, FormatOptions options) throws IOException {
        super(file, ByteOrder.LITTLE_ENDIAN, 4, 0, options);
        try {
            TextHeader header = TextHeader.read(channel, name, '%', "end");
            describe(PropheseeHeader.stream(header, options, new CameraGeometry(640, 480)));
            seek(header.length());
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    public LogFormat format() {
        return LogFormat.EVT2;
    }

    @Override
    protected int decode(long[] t, short[] xs, short[] ys, byte[] ps, int pos, int end, int n) {
        ByteBuffer w = window;
        for (; pos < end; pos += 4) {
            int word = w.getInt(pos);
            int type = word >>> 28;
            if (type <= 1) {
                if (timeHigh < 0) {
                    early++;
                    continue;
                }
                t[n] = timeGuard.place(((highOffset + timeHigh) << 6) | ((word >>> 22) & 0x3F), pos);
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
        return n;
    }

    @Override
    protected void endOfBatch() {
        skip("events before the first TIME_HIGH", early);
        skip("triggers", triggers);
        skip("other words", others);
        early = 0;
        triggers = 0;
        others = 0;
    }
}
