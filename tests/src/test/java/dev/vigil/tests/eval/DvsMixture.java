package dev.vigil.tests.eval;

import dev.vigil.sensors.Batch;
import dev.vigil.sensors.EventBatch;
import dev.vigil.sensors.SensorSource;
import dev.vigil.sensors.StreamDescriptor;
import dev.vigil.sensors.StreamKind;
import dev.vigil.sensors.formats.FormatOptions;
import dev.vigil.sensors.logs.LogFormats;
import dev.vigil.sensors.vlog.VlogWriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * An event-camera log at {@value #W}×{@value #H}: a still scene (sparse uniform background activity at
 * a stated rate plus two hot pixels — generated, as the shared data hold no recording of a still scene)
 * with real recordings' events (scaled onto the sensor) inserted at known offsets and labelled.
 */
final class DvsMixture {
    static final int W = 128;
    static final int H = 96;
    private final List<long[]> events = new ArrayList<>();
    private final List<String> labels = new ArrayList<>();
    private final double seconds;

    /** {@code seconds} of still scene: {@code hzPerPixel} background events per pixel and second. */
    DvsMixture(double seconds, double hzPerPixel, long seed) {
        this.seconds = seconds;
        Random r = new Random(seed);
        double rate = hzPerPixel * W * H;
        for (double t = 0; t < seconds; t += -Math.log(1 - r.nextDouble()) / rate) {
            events.add(new long[] {(long) (t * 1e6), r.nextInt(W), r.nextInt(H), r.nextInt(2)});
        }
        for (long t = 0; t < seconds * 1e6; t += 10_000) {
            events.add(new long[] {t, 17, 23, 1});
            events.add(new long[] {t + 5_000, 100, 70, 0});
        }
    }

    /**
     * A recording's events (t from 0, x, y, p): scaled down onto the sensor when larger, centred at
     * their own scale when smaller (scaling up would pull neighbouring pixels apart).
     */
    static long[][] read(String relative) throws IOException {
        List<long[]> out = new ArrayList<>();
        int w = 0;
        int h = 0;
        try (SensorSource s = LogFormats.open(RealRecordings.shared(relative), FormatOptions.defaults())) {
            for (StreamDescriptor d : s.streams()) {
                if (d.kind() == StreamKind.DVS && w == 0) {
                    w = d.width();
                    h = d.height();
                }
            }
            long t0 = Long.MIN_VALUE;
            for (Batch b; (b = s.next()) != null; ) {
                if (b instanceof EventBatch e) {
                    for (int i = 0; i < e.size(); i++) {
                        if (t0 == Long.MIN_VALUE) {
                            t0 = e.t(i);
                        }
                        long x = w > W || h > H ? (long) e.x(i) * W / w : e.x(i) + (W - w) / 2;
                        long y = w > W || h > H ? (long) e.y(i) * H / h : e.y(i) + (H - h) / 2;
                        out.add(new long[] {e.t(i) - t0, x, y, e.p(i)});
                    }
                }
            }
        }
        return out.toArray(new long[0][]);
    }

    /** Inserts {@code clip} at {@code atS}, labelled {@code label} over its span. */
    void insert(double atS, long[][] clip, String label) {
        long at = (long) (atS * 1e6);
        long last = 0;
        for (long[] e : clip) {
            events.add(new long[] {at + e[0], e[1], e[2], e[3]});
            last = Math.max(last, e[0]);
        }
        labels.add(String.format(Locale.ROOT, "%d,%d,%s", at, at + last + 1, label));
    }

    double seconds() {
        return seconds;
    }

    /** Writes {@code <name>.vlog} and {@code <name>.csv}. */
    Path write(Path dir, String name) throws IOException {
        long[][] all = events.toArray(new long[0][]);
        Arrays.sort(all, (a, b) -> Long.compare(a[0], b[0]));
        StreamDescriptor d = StreamDescriptor.dvs(0, name, W, H);
        Path log = dir.resolve(name + ".vlog");
        EventBatch b = new EventBatch(d, 4096);
        try (VlogWriter w = new VlogWriter(log, List.of(d))) {
            for (long[] e : all) {
                b.add(e[0], (int) e[1], (int) e[2], (int) e[3]);
                if (b.size() == 4096) {
                    w.write(b);
                    b.clear();
                }
            }
            if (b.size() > 0) {
                w.write(b);
            }
        }
        Files.writeString(dir.resolve(name + ".csv"), "start_us,end_us,label\n" + String.join("\n", labels) + "\n");
        return log;
    }
}
