package dev.vigil.sensors.formats;

import dev.vigil.sensors.Batch;
import dev.vigil.sensors.EventBatch;
import dev.vigil.sensors.SampleBatch;
import dev.vigil.sensors.SensorSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Shared test helpers: the shared data folder and whole-source collectors. */
public final class TestData {
    private TestData() {
    }

    /** A file under {@code ../shared/data}. */
    public static Path shared(String relative) {
        return Path.of(System.getProperty("vigil.shared", "../shared")).resolve("data").resolve(relative);
    }

    /** Every event of a source, copied out of the reused batches. */
    public record Events(long[] t, int[] x, int[] y, int[] p, int batches) {
        public int size() {
            return t.length;
        }

        public long on() {
            long n = 0;
            for (int v : p) {
                n += v;
            }
            return n;
        }
    }

    /** Reads every batch; events of all DVS streams are gathered. */
    public static Events events(SensorSource s) throws IOException {
        List<long[]> ts = new ArrayList<>();
        List<int[]> xs = new ArrayList<>();
        List<int[]> ys = new ArrayList<>();
        List<int[]> ps = new ArrayList<>();
        int total = 0;
        int batches = 0;
        for (Batch b; (b = s.next()) != null; ) {
            if (b instanceof EventBatch e) {
                batches++;
                int n = e.size();
                long[] t = new long[n];
                int[] x = new int[n];
                int[] y = new int[n];
                int[] p = new int[n];
                for (int i = 0; i < n; i++) {
                    t[i] = e.t(i);
                    x[i] = e.x(i);
                    y[i] = e.y(i);
                    p[i] = e.p(i);
                }
                ts.add(t);
                xs.add(x);
                ys.add(y);
                ps.add(p);
                total += n;
            }
        }
        long[] t = new long[total];
        int[] x = new int[total];
        int[] y = new int[total];
        int[] p = new int[total];
        int at = 0;
        for (int i = 0; i < ts.size(); i++) {
            int n = ts.get(i).length;
            System.arraycopy(ts.get(i), 0, t, at, n);
            System.arraycopy(xs.get(i), 0, x, at, n);
            System.arraycopy(ys.get(i), 0, y, at, n);
            System.arraycopy(ps.get(i), 0, p, at, n);
            at += n;
        }
        return new Events(t, x, y, p, batches);
    }

    /** Every frame of the sampled streams of a source: total frames and the interleaved samples. */
    public record Samples(int frames, int channels, float[] samples, long firstUs) {
    }

    /** Reads every batch; frames of all sampled streams are gathered. */
    public static Samples samples(SensorSource s) throws IOException {
        float[] all = new float[1024];
        int used = 0;
        int frames = 0;
        int channels = 0;
        long first = Long.MIN_VALUE;
        for (Batch b; (b = s.next()) != null; ) {
            if (b instanceof SampleBatch sb) {
                channels = sb.channels();
                if (first == Long.MIN_VALUE) {
                    first = sb.startUs();
                }
                int n = sb.size() * sb.channels();
                while (used + n > all.length) {
                    all = java.util.Arrays.copyOf(all, all.length * 2);
                }
                System.arraycopy(sb.samples(), 0, all, used, n);
                used += n;
                frames += sb.size();
            }
        }
        return new Samples(frames, channels, java.util.Arrays.copyOf(all, used), first);
    }
}
