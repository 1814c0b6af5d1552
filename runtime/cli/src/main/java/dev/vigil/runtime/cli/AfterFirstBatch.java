package dev.vigil.runtime.cli;

import dev.vigil.sensors.Batch;
import dev.vigil.sensors.ForwardingSource;
import dev.vigil.sensors.SensorSource;

import java.io.IOException;

/**
 * Passes a source through and runs an action once, when the pipeline asks for its second batch, i.e. has
 * processed the first (the start-up mark; the MQTT connection that waits for the run to be sensing).
 */
final class AfterFirstBatch extends ForwardingSource {
    /** What runs once the first batch is processed. */
    @FunctionalInterface
    interface Action {
        /** Runs it; what it throws, {@link #next()} throws. */
        void run() throws IOException;
    }

    private final Action action;
    private int calls;

    AfterFirstBatch(SensorSource source, Action action) {
        super(source);
        this.action = action;
    }

    @Override
    public Batch next() throws IOException {
        if (calls < 2 && ++calls == 2) {
            action.run();
        }
        return source.next();
    }
}
