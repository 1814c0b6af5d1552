package dev.vigil.sensors;

import java.io.IOException;
import java.util.List;

/**
 * A source that stands in front of another: streams, problems and {@code close} pass through, and a
 * subclass changes or watches {@link #next()} (a recorder's tap, a progress report, a start-up mark).
 */
public abstract class ForwardingSource implements SensorSource {
    /** The source this one stands in front of. */
    protected final SensorSource source;

    /** In front of {@code source}. */
    protected ForwardingSource(SensorSource source) {
        this.source = source;
    }

    @Override
    public List<StreamDescriptor> streams() {
        return source.streams();
    }

    @Override
    public List<SourceProblem> problems() {
        return source.problems();
    }

    @Override
    public void close() throws IOException {
        source.close();
    }
}
