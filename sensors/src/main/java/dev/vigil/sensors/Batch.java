package dev.vigil.sensors;

/**
 * A run of consecutive data from one stream. Sources reuse batch objects: a batch is valid until the
 * source's next call, and holds its data in primitive arrays, never one object per event.
 */
public sealed interface Batch permits EventBatch, SampleBatch, TextBatch {

    /** The stream this batch belongs to. */
    StreamDescriptor stream();

    /** Events, frames or lines in the batch. */
    int size();

    /** Device time of the first element, in µs. */
    long firstTimeUs();

    /** Device time of the last element, in µs. */
    long lastTimeUs();
}
