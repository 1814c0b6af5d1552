package dev.vigil.sensors.vlog;

import dev.vigil.sensors.Batch;
import dev.vigil.sensors.EventBatch;
import dev.vigil.sensors.SampleBatch;
import dev.vigil.sensors.TextBatch;

import java.util.Arrays;
import java.util.List;

/** A value copy of one batch, so tests can compare what was written with what was read. */
record RecordedChunk(int stream, long firstUs, int size, long[] t, short[] x, short[] y, byte[] p, float[] samples,
                     List<String> lines) {

    static RecordedChunk of(Batch b) {
        int n = b.size();
        return switch (b) {
            case EventBatch e -> new RecordedChunk(e.stream().id(), e.firstTimeUs(), n, Arrays.copyOf(e.times(), n),
                    Arrays.copyOf(e.xs(), n), Arrays.copyOf(e.ys(), n), Arrays.copyOf(e.polarities(), n), null, null);
            case SampleBatch s -> new RecordedChunk(s.stream().id(), s.startUs(), n, null, null, null, null,
                    s.copyOfSamples(), null);
            case TextBatch tb -> new RecordedChunk(tb.stream().id(), tb.firstTimeUs(), n, null, null, null, null, null,
                    List.copyOf(tb.lines()));
        };
    }

    boolean sameAs(RecordedChunk o) {
        return stream == o.stream && firstUs == o.firstUs && size == o.size && Arrays.equals(t, o.t)
                && Arrays.equals(x, o.x) && Arrays.equals(y, o.y) && Arrays.equals(p, o.p)
                && Arrays.equals(samples, o.samples) && java.util.Objects.equals(lines, o.lines);
    }
}
