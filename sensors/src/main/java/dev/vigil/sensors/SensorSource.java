package dev.vigil.sensors;

import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;

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

    /** {@code source}, each batch shown to {@code tap} before it is returned (for recorders that watch a run). */
    static SensorSource tapped(SensorSource source, Consumer<Batch> tap) {
        return new ForwardingSource(source) {
            @Override
            public Batch next() throws IOException {
                Batch b = source.next();
                if (b != null) {
                    tap.accept(b);
                }
                return b;
            }
        };
    }
}
