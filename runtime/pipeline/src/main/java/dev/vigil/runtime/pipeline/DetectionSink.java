package dev.vigil.runtime.pipeline;

/** Receives detections in the order the pipeline makes them. */
public interface DetectionSink extends AutoCloseable {

    /** Takes one detection. Must not block the sensing loop for long. */
    void accept(Detection detection);

    /** Flushes and releases what the sink holds. */
    @Override
    default void close() {
    }
}
