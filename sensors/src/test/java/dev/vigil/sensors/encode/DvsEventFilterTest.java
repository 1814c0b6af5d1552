package dev.vigil.sensors.encode;

import dev.vigil.sensors.EventBatch;
import dev.vigil.sensors.StreamDescriptor;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DvsEventFilterTest {
    private static final int SIZE = 64;
    private static final StreamDescriptor STREAM = StreamDescriptor.dvs(0, "test", SIZE, SIZE);

    /**
     * The Prophesee DAT v2 crop in ../shared/data (4,407 events, 100 ms, x <= 53, y <= 60 per SOURCES.md),
     * decoded here directly: '%' header lines, a type and a size byte, then 8-byte events (uint32 t;
     * uint32 with x in bits 0-13, y in 14-27, polarity in 28-31).
     */
    private static EventBatch realRecording() throws IOException {
        Path file = Path.of(System.getProperty("vigil.shared", "../shared"), "data/event-camera/prophesee_dat2_expelliarmus.dat");
        byte[] bytes = Files.readAllBytes(file);
        int pos = 0;
        while (bytes[pos] == '%') {
            while (bytes[pos] != '\n') {
                pos++;
            }
            pos++;
        }
        pos += 2;
        ByteBuffer buf = ByteBuffer.wrap(bytes, pos, bytes.length - pos).order(ByteOrder.LITTLE_ENDIAN);
        EventBatch b = new EventBatch(STREAM, 8192);
        while (buf.remaining() >= 8) {
            long t = Integer.toUnsignedLong(buf.getInt());
            int w = buf.getInt();
            b.add(t, w & 0x3FFF, (w >>> 14) & 0x3FFF, (w >>> 28) != 0 ? 1 : 0);
        }
        return b;
    }

    /** Independent oracle: an event is supported if an earlier event at one of its 8 neighbours is within dt. */
    private static boolean[] bruteForceSupported(EventBatch b, long dt) {
        boolean[] ok = new boolean[b.size()];
        for (int i = 0; i < b.size(); i++) {
            for (int j = i - 1; j >= 0 && b.t(j) >= b.t(i) - dt; j--) {
                int ddx = Math.abs(b.x(j) - b.x(i));
                int ddy = Math.abs(b.y(j) - b.y(i));
                if (ddx <= 1 && ddy <= 1 && (ddx | ddy) != 0) {
                    ok[i] = true;
                    break;
                }
            }
        }
        return ok;
    }

    @Test
    void backgroundFilterOnARealRecordingKeepsExactlyTheSupportedEventsAndRemovesInjectedNoise() throws IOException {
        EventBatch real = realRecording();
        assertEquals(4407, real.size(), "event count per SOURCES.md");
        // inject uniform background activity: 400 events (4 kHz over the 100 ms), stated rate, fixed seed
        EventBatch mixed = new EventBatch(STREAM, real.size() + 400);
        Random rnd = new Random(42);
        long[] noiseT = new long[400];
        for (int k = 0; k < noiseT.length; k++) {
            noiseT[k] = (long) (rnd.nextDouble() * 100_000);
        }
        java.util.Arrays.sort(noiseT);
        boolean[] injected = new boolean[real.size() + noiseT.length];
        int r = 0;
        int k = 0;
        while (r < real.size() || k < noiseT.length) {
            if (k < noiseT.length && (r == real.size() || noiseT[k] < real.t(r))) {
                injected[mixed.size()] = true;
                mixed.add(noiseT[k++], rnd.nextInt(SIZE), rnd.nextInt(SIZE), rnd.nextInt(2));
            } else {
                mixed.add(real.t(r), real.x(r), real.y(r), real.p(r));
                r++;
            }
        }
        long dt = 5_000;
        boolean[] expected = bruteForceSupported(mixed, dt);
        DvsEventFilter f = new DvsEventFilter(SIZE, SIZE, DvsFilterSettings.none().withBackgroundUs(dt));
        EventBatch out = new EventBatch(STREAM, 16);
        f.filter(mixed, out);

        int expectedKept = 0;
        int o = 0;
        int noiseKept = 0;
        for (int i = 0; i < mixed.size(); i++) {
            if (expected[i]) {
                expectedKept++;
                assertEquals(mixed.t(i), out.t(o), "kept event " + o);
                assertEquals(mixed.x(i), out.x(o));
                assertEquals(mixed.y(i), out.y(o));
                o++;
                if (injected[i]) {
                    noiseKept++;
                }
            }
        }
        assertEquals(expectedKept, out.size());
        DvsFilterCounts c = f.counts();
        assertEquals(mixed.size(), c.in());
        assertEquals(mixed.size() - expectedKept, c.background());
        // stated rates: at least 75 % of the injected events go (those landing next to the scene's own
        // recent activity are supported, as they would be on the sensor), at least 70 % of the scene stays
        assertTrue(noiseKept <= 100, "injected noise events kept: " + noiseKept + " of 400");
        assertTrue(expectedKept - noiseKept >= 0.7 * real.size(), "real events kept: " + (expectedKept - noiseKept));
    }

    @Test
    void roiRefractoryHotPixelAndDownsamplingAreEachCounted() {
        EventBatch in = new EventBatch(STREAM, 64);
        // a hot pixel (5,5) firing every 100 us, a normal pixel (20,20) firing every 1 ms, one event outside the ROI
        for (long t = 0; t < 20_000; t += 100) {
            in.add(t, 5, 5, 1);
            if (t % 1000 == 0) {
                in.add(t, 20, 20, 0);
            }
        }
        in.add(20_000, 60, 60, 1);
        DvsFilterSettings s = new DvsFilterSettings(0, 0, 40, 40, 5_000, 20, 1_500, 0, 2);
        DvsEventFilter f = new DvsEventFilter(SIZE, SIZE, s);
        EventBatch out = new EventBatch(STREAM, 16);
        f.filter(in, out);
        DvsFilterCounts c = f.counts();
        assertEquals(1, c.outsideRoi());
        // periods of 5 ms: the hot pixel gives 50 events per period, blocked from the second period on
        assertEquals(150, c.hotPixel());
        // refractory 1.5 ms: the 1 kHz pixel keeps every other event; the hot pixel in period 1 keeps one per 1.5 ms
        long normalKept = 10;
        long hotKeptFirstPeriod = 4; // t = 0, 1500 (>=1500), 3000, 4500
        assertEquals(c.in() - c.outsideRoi() - c.hotPixel() - c.refractory(), c.kept());
        assertEquals(normalKept + hotKeptFirstPeriod, c.kept());
        for (int i = 0; i < out.size(); i++) {
            assertTrue(out.x(i) == 5 >> 2 || out.x(i) == 20 >> 2, "downsampled x " + out.x(i));
        }
        assertEquals(16, f.outputWidth());
    }
}
