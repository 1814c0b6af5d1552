package dev.vigil.tests.eval;

import dev.vigil.sensors.SampleBatch;
import dev.vigil.sensors.StreamDescriptor;
import dev.vigil.sensors.StreamKind;
import dev.vigil.sensors.vlog.VlogWriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Builds a one-stream recording in memory: a background signal with clips added at known offsets, and
 * the label intervals of those clips; then writes it as a .vlog with its sidecar CSV.
 */
final class MixtureLog {
    private final StreamKind kind;
    private final double rate;
    private final float[] signal;
    private final List<String> labels = new ArrayList<>();

    /** {@code seconds} of {@code background} (looped, with a short crossfade at each loop point), times {@code gain}. */
    MixtureLog(StreamKind kind, double rate, double seconds, float[] background, double gain) {
        this.kind = kind;
        this.rate = rate;
        this.signal = new float[(int) (rate * seconds)];
        int fade = (int) (0.02 * rate);
        int len = background.length;
        int step = len - fade;
        for (int start = 0; start < signal.length; start += step) {
            for (int i = 0; i < len && start + i < signal.length; i++) {
                double w = 1;
                if (start > 0 && i < fade) {
                    w = (double) i / fade;
                }
                if (i >= len - fade) {
                    w = (double) (len - i) / fade;
                }
                signal[start + i] += (float) (gain * w * background[i]);
            }
        }
    }

    /**
     * {@code seconds} of background that is not one clip looped: splices of 0.4 to 1 clip length from
     * {@code clips} in random order, each from a random offset (wrapping around the clip) at a random gain
     * of 0.6 to 1.4 times {@code gain}, with a second clip mixed under it at up to 0.3 times {@code gain};
     * neighbouring splices crossfade over 20 ms. {@code seed} makes it repeatable.
     */
    static MixtureLog varied(StreamKind kind, double rate, double seconds, float[][] clips, double gain, long seed) {
        MixtureLog m = new MixtureLog(kind, rate, seconds);
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        int fade = (int) (0.02 * rate);
        int start = 0;
        while (start < m.signal.length) {
            float[] main = clips[random.nextInt(clips.length)];
            float[] under = clips[random.nextInt(clips.length)];
            int len = Math.max(2 * fade + 1, (int) (main.length * (0.4 + 0.6 * random.nextDouble())));
            int from = random.nextInt(main.length);
            int underFrom = random.nextInt(under.length);
            double g = gain * (0.6 + 0.8 * random.nextDouble());
            double gu = gain * 0.3 * random.nextDouble();
            for (int i = 0; i < len && start + i < m.signal.length; i++) {
                double w = Math.min(1, Math.min((double) (i + 1) / fade, (double) (len - i) / fade));
                m.signal[start + i] += (float) (w * (g * main[(from + i) % main.length] + gu * under[(underFrom + i) % under.length]));
            }
            start += len - fade;
        }
        return m;
    }

    private MixtureLog(StreamKind kind, double rate, double seconds) {
        this.kind = kind;
        this.rate = rate;
        this.signal = new float[(int) (rate * seconds)];
    }

    /** Replaces the signal from {@code atS} with {@code clip} (crossfaded over 20 ms at both ends), labelled {@code label} over the clip's span. */
    void replace(double atS, float[] clip, double gain, String label) {
        int at = (int) (atS * rate);
        int fade = (int) (0.02 * rate);
        for (int i = 0; i < clip.length && at + i < signal.length; i++) {
            double w = Math.min(1, Math.min((double) i / fade, (double) (clip.length - i) / fade));
            signal[at + i] = (float) ((1 - w) * signal[at + i] + w * gain * clip[i]);
        }
        label(atS, atS + clip.length / rate, label);
    }

    /**
     * Adds {@code clip} at {@code atS}; when {@code label} is not null, labels the whole clip (Speech
     * Commands labels a one-second clip, not the word's exact span inside it).
     */
    void add(double atS, float[] clip, double gain, String label) {
        int at = (int) (atS * rate);
        for (int i = 0; i < clip.length && at + i < signal.length; i++) {
            signal[at + i] += (float) (gain * clip[i]);
        }
        if (label != null) {
            label(atS, atS + clip.length / rate, label);
        }
    }

    private void label(double fromS, double toS, String label) {
        labels.add(String.format(Locale.ROOT, "%d,%d,%s", Math.round(fromS * 1e6), Math.round(toS * 1e6), label));
    }

    /** The signal as built (not a copy). */
    float[] samples() {
        return signal;
    }

    /** The label lines, {@code start_us,end_us,label}, in the order added. */
    List<String> labelLines() {
        return List.copyOf(labels);
    }

    /** Seconds of signal. */
    double seconds() {
        return signal.length / rate;
    }

    /** Writes {@code <name>.vlog} and {@code <name>.csv} into {@code dir}; returns the log's path. */
    Path write(Path dir, String name) throws IOException {
        StreamDescriptor d = StreamDescriptor.sampled(0, kind, name, rate, 1, kind == StreamKind.AUDIO ? "FS" : "g");
        Path log = dir.resolve(name + ".vlog");
        int per = (int) (rate / 50);
        SampleBatch b = new SampleBatch(d, per);
        try (VlogWriter w = new VlogWriter(log, List.of(d))) {
            for (int start = 0; start < signal.length; start += per) {
                int n = Math.min(per, signal.length - start);
                System.arraycopy(signal, start, b.samples(), 0, n);
                b.set(Math.round(start * 1e6 / rate), n);
                w.write(b);
            }
        }
        Files.writeString(dir.resolve(name + ".csv"), "start_us,end_us,label\n" + String.join("\n", labels) + "\n");
        return log;
    }
}
