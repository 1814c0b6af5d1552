package dev.vigil.tests.web;

import dev.vigil.sensors.SampleBatch;
import dev.vigil.sensors.StreamDescriptor;
import dev.vigil.sensors.StreamKind;
import dev.vigil.sensors.vlog.VlogWriter;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

/** A seeded audio recording for the live page: quiet noise with a half-second 1 kHz burst every 3 s. */
final class ToneBursts {
    private static final double RATE = 16_000;

    private ToneBursts() {
    }

    /** Writes {@code seconds} of it to {@code file}. */
    static Path write(Path file, double seconds) throws IOException {
        StreamDescriptor d = StreamDescriptor.sampled(0, StreamKind.AUDIO, "bursts", RATE, 1, "FS");
        SplittableRandom random = new SplittableRandom(14);
        int per = (int) (RATE / 50);
        SampleBatch b = new SampleBatch(d, per);
        long total = (long) (seconds * RATE);
        try (VlogWriter w = new VlogWriter(file, List.of(d))) {
            for (long start = 0; start < total; start += per) {
                int n = (int) Math.min(per, total - start);
                for (int i = 0; i < n; i++) {
                    double t = (start + i) / RATE;
                    boolean burst = t % 3 >= 1 && t % 3 < 1.5;
                    b.samples()[i] = (float) (0.01 * (random.nextDouble() - 0.5) + (burst ? 0.3 * Math.sin(2 * Math.PI * 1000 * t) : 0));
                }
                b.set(Math.round(start * 1e6 / RATE), n);
                w.write(b);
            }
        }
        return file;
    }
}
