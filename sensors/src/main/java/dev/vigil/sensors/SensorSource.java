package dev.vigil.sensors;

import java.io.IOException;
import java.util.List;

/**
 * Where data comes from: a live sensor driver or a recorded log. Both implement this one contract, so
 * the pipeline cannot tell replay from live. Batches come in non-decreasing time order per stream and
 * are reused: each is valid until the next call to {@link #next()}.
 */
public interface SensorSource extends AutoCloseable {

    /** The streams this source yields, known before the first batch. */
    List<StreamDescriptor> streams();

    /** The next batch, or {@code null} when the source is exhausted. */
    Batch next() throws IOException;

    /** Problems met and skipped so far (corrupt chunks, bus errors), in the order they happened. */
    default List<SourceProblem> problems() {
        return List.of();
    }

    @Override
    void close() throws IOException;
}
