package dev.vigil.sensors.vlog;

import dev.vigil.sensors.Batch;
import dev.vigil.sensors.EventBatch;
import dev.vigil.sensors.SampleBatch;
import dev.vigil.sensors.StreamDescriptor;
import dev.vigil.sensors.StreamKind;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Generates random recordings of every stream kind and writes them, noting where each chunk ends. */
final class VlogFixtures {
    private VlogFixtures() {
    }

    /** A written recording: the chunks in order and the file offset after each one. */
    record Written(Path file, List<StreamDescriptor> streams, List<RecordedChunk> chunks, List<Long> ends,
                   long headerEnd) {
    }

    static List<StreamDescriptor> randomStreams(Random r) {
        List<StreamDescriptor> s = new ArrayList<>();
        int id = r.nextInt(5);
        s.add(StreamDescriptor.dvs(id++, "cam", 1 + r.nextInt(1280), 1 + r.nextInt(720)));
        s.add(StreamDescriptor.sampled(id++, StreamKind.AUDIO, "mic", 8000 + r.nextInt(40_000), 1 + r.nextInt(2), "FS"));
        s.add(StreamDescriptor.sampled(id++, StreamKind.VIBRATION, "acc", 100 + r.nextInt(20_000), 1 + r.nextInt(3), "g"));
        s.add(StreamDescriptor.detections(id++));
        if (r.nextBoolean()) {
            s.add(StreamDescriptor.dvs(id, "never written", 34, 34));
        }
        return s;
    }

    static Written write(Path file, Random r, int chunks, int maxSize) throws IOException {
        List<StreamDescriptor> streams = randomStreams(r);
        List<RecordedChunk> written = new ArrayList<>();
        List<Long> ends = new ArrayList<>();
        long headerEnd;
        try (VlogWriter w = new VlogWriter(file, streams)) {
            w.flush();
            headerEnd = Files.size(file);
            long time = r.nextInt(1_000_000);
            for (int c = 0; c < chunks; c++) {
                StreamDescriptor d = streams.get(r.nextInt(4));
                int n = r.nextInt(5) == 0 ? 0 : r.nextInt(maxSize + 1);
                time += r.nextInt(10_000);
                Batch b = switch (d.kind()) {
                    case DVS -> {
                        EventBatch e = new EventBatch(d, n);
                        long t = time;
                        for (int i = 0; i < n; i++) {
                            t += r.nextInt(50);
                            e.add(t, r.nextInt(d.width()), r.nextInt(d.height()), r.nextInt(2));
                        }
                        w.write(e);
                        yield e;
                    }
                    case AUDIO, VIBRATION -> {
                        SampleBatch s = new SampleBatch(d, n);
                        for (int i = 0; i < n * d.channels(); i++) {
                            s.samples()[i] = (float) r.nextGaussian();
                        }
                        s.set(time, n);
                        w.write(s);
                        yield s;
                    }
                    case DETECTIONS -> {
                        List<String> lines = new ArrayList<>();
                        for (int i = 0; i < Math.min(n, 4); i++) {
                            lines.add(r.nextInt(6) == 0 ? "" : "{\"label\":\"x" + r.nextInt(99) + "\",\"score\":0.5}");
                        }
                        w.writeLines(d, time, lines);
                        dev.vigil.sensors.TextBatch tb = new dev.vigil.sensors.TextBatch(d);
                        tb.set(d, time, lines);
                        yield tb;
                    }
                };
                written.add(RecordedChunk.of(b));
                w.flush();
                ends.add(Files.size(file));
            }
        }
        return new Written(file, streams, written, ends, headerEnd);
    }

    static List<RecordedChunk> readAll(VlogReader r) throws IOException {
        List<RecordedChunk> out = new ArrayList<>();
        for (Batch b; (b = r.next()) != null; ) {
            out.add(RecordedChunk.of(b));
        }
        return out;
    }
}
