package dev.vigil.runtime.cli;

import dev.vigil.sensors.Batch;
import dev.vigil.sensors.SensorSource;
import dev.vigil.sensors.SourceProblem;
import dev.vigil.sensors.StreamDescriptor;
import org.tinylog.Logger;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Passes a live source through and logs (debug, {@code VIGIL_DEBUG=1}) how long after the process
 * started (the launcher's start: {@code exec} keeps the process) the pipeline asked for its second
 * batch, i.e. had processed the first: the start-up figure of {@code vigil run}.
 */
final class StartupMark implements SensorSource {
    private final SensorSource source;
    private int calls;

    StartupMark(SensorSource source) {
        this.source = source;
    }

    @Override
    public List<StreamDescriptor> streams() {
        return source.streams();
    }

    @Override
    public Batch next() throws IOException {
        if (calls < 2 && ++calls == 2) {
            Instant now = Instant.now();
            ProcessHandle.current().info().startInstant().ifPresent(start -> Logger.debug(
                    "start-up: first batch processed {} ms after the process started", Duration.between(start, now).toMillis()));
        }
        return source.next();
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
