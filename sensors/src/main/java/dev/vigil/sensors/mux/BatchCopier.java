package dev.vigil.sensors.mux;

import dev.vigil.sensors.Batch;
import dev.vigil.sensors.EventBatch;
import dev.vigil.sensors.SampleBatch;
import dev.vigil.sensors.StreamDescriptor;
import dev.vigil.sensors.TextBatch;

/** Copies a batch's contents into a pooled batch of the same kind, re-labelled with another stream. */
final class BatchCopier {

    private BatchCopier() {
    }

    /** A new, empty pooled batch for {@code stream}. */
    static Batch create(StreamDescriptor stream) {
        return switch (stream.kind()) {
            case DVS -> new EventBatch(stream, 4096);
            case AUDIO, VIBRATION -> new SampleBatch(stream, 1024);
            case DETECTIONS -> new TextBatch(stream);
        };
    }

    /** Copies {@code from} into {@code to}, which must be of the same kind. */
    static void copy(Batch from, Batch to) {
        switch (from) {
            case EventBatch e -> {
                EventBatch t = (EventBatch) to;
                t.clear();
                t.ensureCapacity(e.size());
                System.arraycopy(e.times(), 0, t.times(), 0, e.size());
                System.arraycopy(e.xs(), 0, t.xs(), 0, e.size());
                System.arraycopy(e.ys(), 0, t.ys(), 0, e.size());
                System.arraycopy(e.polarities(), 0, t.polarities(), 0, e.size());
                t.setSize(e.size());
            }
            case SampleBatch s -> {
                SampleBatch t = (SampleBatch) to;
                t.ensureFrames(s.size());
                System.arraycopy(s.samples(), 0, t.samples(), 0, s.size() * s.channels());
                t.set(s.startUs(), s.size());
            }
            case TextBatch x -> ((TextBatch) to).set(to.stream(), x.firstTimeUs(), x.lines());
        }
    }
}
