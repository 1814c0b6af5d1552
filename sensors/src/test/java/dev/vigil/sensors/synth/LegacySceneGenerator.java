package dev.vigil.sensors.synth;

import dev.vigil.sensors.EventBatch;
import dev.vigil.sensors.SampleBatch;
import dev.vigil.sensors.StreamDescriptor;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The scene generator as it was before it stopped allocating (StrictMath, per-slice arrays, boxed
 * sort): the reference SceneGeneratorTest compares today's output with, batch by batch.
 */
final class LegacySceneGenerator {
    private static final int WIDTH = SceneGenerator.WIDTH;
    private static final int HEIGHT = SceneGenerator.HEIGHT;
    private static final int AUDIO_RATE = SceneGenerator.AUDIO_RATE;
    private static final int VIBRATION_RATE = SceneGenerator.VIBRATION_RATE;
    private static final int SLICE_US = SceneGenerator.SLICE_US;
    private static final double SHAFT_HZ = 1797 / 60.0;
    private static final double BPFI_HZ = 5.4152 * SHAFT_HZ;

    private final SceneSpec spec;
    private final Random dvsRandom;
    private final Random audioRandom;
    private final Random vibRandom;
    private final double[] ring = new double[1];
    private final EventBatch events;
    private final SampleBatch audio;
    private final SampleBatch vib;
    private long audioIndex;
    private long vibIndex;

    LegacySceneGenerator(SceneSpec spec) {
        this.spec = spec;
        dvsRandom = new Random(spec.seed());
        audioRandom = new Random(spec.seed() * 31 + 1);
        vibRandom = new Random(spec.seed() * 31 + 2);
        List<StreamDescriptor> s = SceneGenerator.streams();
        events = new EventBatch(s.get(0), 4096);
        audio = new SampleBatch(s.get(1), AUDIO_RATE * SLICE_US / 1_000_000);
        vib = new SampleBatch(s.get(2), VIBRATION_RATE * SLICE_US / 1_000_000);
    }

    /** The slice [t0, t1)'s events. */
    EventBatch events(long t0, long t1) {
        fillEvents(events, t0, t1, dvsRandom);
        return events;
    }

    /** The slice ending at t1's audio. */
    SampleBatch audio(long t1) {
        int na = (int) (t1 * AUDIO_RATE / 1_000_000 - audioIndex);
        fillAudio(audio, audioIndex, na, audioRandom);
        audioIndex += na;
        return audio;
    }

    /** The slice ending at t1's vibration. */
    SampleBatch vibration(long t1) {
        int nv = (int) (t1 * VIBRATION_RATE / 1_000_000 - vibIndex);
        fillVibration(vib, vibIndex, nv, vibRandom, ring);
        vibIndex += nv;
        return vib;
    }

    private void fillEvents(EventBatch b, long t0, long t1, Random r) {
        b.clear();
        int background = poisson(r, 2000.0 * (t1 - t0) / 1e6);
        long[] times = new long[0];
        int edgeCount = 0;
        double start = spec.edgeStartS() * 1e6;
        double end = spec.edgeEndS() * 1e6;
        double barWidth = 4;
        double speed = (WIDTH + barWidth) / (end - start); // px per µs
        int[] xs = new int[0];
        int[] ys = new int[0];
        int[] ps = new int[0];
        if (t1 > start && t0 < end) {
            double lead0 = (Math.max(t0, start) - start) * speed;
            double lead1 = (Math.min(t1, end) - start) * speed;
            int maxEvents = (int) ((Math.ceil(lead1) - Math.floor(lead0) + 2) * HEIGHT * 2);
            xs = new int[maxEvents];
            ys = new int[maxEvents];
            ps = new int[maxEvents];
            times = new long[maxEvents];
            for (int col = (int) Math.floor(lead0); col < Math.ceil(lead1); col++) {
                for (int edge = 0; edge < 2; edge++) {
                    int x = edge == 0 ? col : col - (int) barWidth;
                    if (x < 0 || x >= WIDTH || col < lead0) {
                        continue;
                    }
                    long tc = (long) (start + col / speed);
                    for (int y = 0; y < HEIGHT; y++) {
                        if (r.nextDouble() < 0.8) {
                            long te = tc + (long) (r.nextDouble() / speed);
                            if (te < t0 || te >= t1) {
                                continue;
                            }
                            xs[edgeCount] = x;
                            ys[edgeCount] = y;
                            ps[edgeCount] = edge == 0 ? 1 : 0;
                            times[edgeCount] = te;
                            edgeCount++;
                        }
                    }
                }
            }
        }
        int total = background + edgeCount;
        long[] allT = new long[total];
        int[] order = new int[total];
        int[] ax = new int[total];
        int[] ay = new int[total];
        int[] ap = new int[total];
        for (int i = 0; i < background; i++) {
            allT[i] = t0 + (long) (r.nextDouble() * (t1 - t0));
            ax[i] = r.nextInt(WIDTH);
            ay[i] = r.nextInt(HEIGHT);
            ap[i] = r.nextInt(2);
        }
        for (int i = 0; i < edgeCount; i++) {
            allT[background + i] = times[i];
            ax[background + i] = xs[i];
            ay[background + i] = ys[i];
            ap[background + i] = ps[i];
        }
        Integer[] idx = new Integer[total];
        for (int i = 0; i < total; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, c) -> Long.compare(allT[a], allT[c]));
        for (int i = 0; i < total; i++) {
            order[i] = idx[i];
        }
        for (int i : order) {
            b.add(allT[i], ax[i], ay[i], ap[i]);
        }
    }

    private static int poisson(Random r, double mean) {
        double l = StrictMath.exp(-mean);
        int k = 0;
        double p = 1;
        do {
            k++;
            p *= r.nextDouble();
        } while (p > l);
        return k - 1;
    }

    private void fillAudio(SampleBatch b, long firstIndex, int n, Random r) {
        float[] s = b.samples();
        b.ensureFrames(n);
        s = b.samples();
        double f0 = 140;
        double[] formants = {700, 1220, 2600};
        double[] widths = {130, 170, 250};
        for (int i = 0; i < n; i++) {
            double t = (firstIndex + i) / (double) AUDIO_RATE;
            double v = 0.01 * r.nextGaussian();
            if (t >= spec.speechStartS() && t < spec.speechEndS()) {
                double local = t - spec.speechStartS();
                double len = spec.speechEndS() - spec.speechStartS();
                double fade = Math.min(1, Math.min(local, len - local) / 0.02);
                double syllable = 0.55 + 0.45 * StrictMath.sin(2 * Math.PI * 4 * local - Math.PI / 2);
                double voiced = 0;
                for (int k = 1; k * f0 < 3800; k++) {
                    double f = k * f0;
                    double g = 0;
                    for (int j = 0; j < formants.length; j++) {
                        double d = (f - formants[j]) / widths[j];
                        g += StrictMath.exp(-0.5 * d * d) / (j + 1);
                    }
                    voiced += (0.02 + g) * StrictMath.sin(2 * Math.PI * f * local + k);
                }
                v += 0.12 * fade * syllable * voiced;
            }
            s[i] = (float) v;
        }
        b.set(firstIndex * 1_000_000 / AUDIO_RATE, n);
    }

    private void fillVibration(SampleBatch b, long firstIndex, int n, Random r, double[] ring) {
        b.ensureFrames(n);
        float[] s = b.samples();
        double resonance = 3000;
        double decay = StrictMath.exp(-1.0 / (0.0008 * VIBRATION_RATE));
        for (int i = 0; i < n; i++) {
            long idx = firstIndex + i;
            double t = idx / (double) VIBRATION_RATE;
            double v = 0.05 * StrictMath.sin(2 * Math.PI * SHAFT_HZ * t) + 0.02 * r.nextGaussian();
            if (t >= spec.faultStartS() && t < spec.faultEndS()) {
                double phase = (t - spec.faultStartS()) * BPFI_HZ;
                double prevPhase = (t - 1.0 / VIBRATION_RATE - spec.faultStartS()) * BPFI_HZ;
                if (idx == 0 || Math.floor(phase) != Math.floor(prevPhase) || t - 1.0 / VIBRATION_RATE < spec.faultStartS()) {
                    double modulation = 0.6 + 0.4 * StrictMath.cos(2 * Math.PI * SHAFT_HZ * t);
                    ring[0] = 0.5 * modulation;
                }
            }
            v += ring[0] * StrictMath.sin(2 * Math.PI * resonance * t);
            ring[0] *= decay;
            s[i] = (float) v;
        }
        b.set(firstIndex * 1_000_000 / VIBRATION_RATE, n);
    }
}
