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
