package dev.vigil.sensors.formats.prophesee;

import dev.vigil.sensors.EventBatch;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes Prophesee EVT 3.0 raw files from time-ordered events. Time is written as TIME_HIGH and
 * TIME_LOW words only when it changes; runs of events sharing time, row and polarity with rising x
 * become VECT_BASE_X plus VECT_12 / VECT_8 words when {@code vectors} is on, as a Prophesee sensor
 * does. Timestamps are stored modulo 2^24 µs, as the format does; a reader restores the wraps.
 */
public final class Evt3Writer implements AutoCloseable {
    private final OutputStream out;
    private final boolean vectors;
    private final byte[] buf = new byte[1 << 16];
    private int used;
    private long lastHigh = -1;
    private long lastLow = -1;
    private int lastY = -1;

    /** Creates {@code file} for a {@code width}×{@code height} sensor. */
    public Evt3Writer(Path file, int width, int height, boolean vectors) throws IOException {
        this.out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        this.vectors = vectors;
        String header = "% evt 3.0\n% format EVT3;height=" + height + ";width=" + width + "\n% geometry " + width + "x"
                + height + "\n% integrator_name Vigil\n% end\n";
        out.write(header.getBytes(StandardCharsets.US_ASCII));
    }

    /** Appends the events of {@code b}; times must not decrease across calls. */
    public void write(EventBatch b) throws IOException {
        int n = b.size();
        int i = 0;
        while (i < n) {
            long t = b.t(i);
            time(t);
            int y = b.y(i);
            if (y != lastY) {
                word(y & 0x7FF);
                lastY = y;
            }
            int p = b.p(i);
            int x = b.x(i);
            int j = i + 1;
            if (vectors) {
                while (j < n && b.t(j) == t && b.y(j) == y && b.p(j) == p && b.x(j) > b.x(j - 1)) {
                    j++;
                }
            }
            if (j - i >= 2) {
                writeVector(b, i, j, p);
                i = j;
            } else {
                word(0x2000 | (p << 11) | (x & 0x7FF));
                i++;
            }
        }
    }

    private void writeVector(EventBatch b, int from, int to, int p) throws IOException {
        int base = b.x(from);
        word(0x3000 | (p << 11) | base);
        int k = from;
        while (k < to) {
            if (b.x(k) >= base + 12) {
                base = b.x(k);
                word(0x3000 | (p << 11) | base);
            }
            int mask = 0;
            while (k < to && b.x(k) < base + 12) {
                mask |= 1 << (b.x(k) - base);
                k++;
            }
            if (mask < 0x100 && (k == to || b.x(k) >= base + 12)) {
                word(0x5000 | mask);
                base += 8;
            } else {
                word(0x4000 | mask);
                base += 12;
            }
        }
    }

    private void time(long t) throws IOException {
        long high = t >>> 12;
        long low = t & 0xFFF;
        if (high != lastHigh) {
            word(0x8000 | (int) (high & 0xFFF));
            lastHigh = high;
            lastLow = -1;
        }
        if (low != lastLow) {
            word(0x6000 | (int) low);
            lastLow = low;
        }
    }

    /** Writes one raw 16-bit word (for tests that need exact word sequences). */
    public void word(int w) throws IOException {
        if (used == buf.length) {
            out.write(buf, 0, used);
            used = 0;
        }
        buf[used++] = (byte) w;
        buf[used++] = (byte) (w >>> 8);
    }

    @Override
    public void close() throws IOException {
        out.write(buf, 0, used);
        out.close();
    }
}
