package dev.vigil.runtime.cli;

import dev.vigil.sensors.Batch;
import dev.vigil.sensors.SensorSource;
import dev.vigil.sensors.SourceProblem;
import dev.vigil.sensors.StreamDescriptor;
import org.tinylog.Logger;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.List;

/**
 * Passes a live source through and logs (debug, {@code VIGIL_DEBUG=1}) how long after the process
 * started the pipeline asked for its second batch, i.e. had processed the first: the start-up figure
 * of {@code vigil run}. The start is the launcher's ({@code exec} keeps the process), which it passes
 * as {@value #LAUNCHED_US} (microseconds since the epoch); without it, the JVM's start.
 */
final class StartupMark implements SensorSource {
    /** The system property the launcher sets to the time it started, in microseconds since the epoch. */
    static final String LAUNCHED_US = "vigil.launched-us";
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
        if (calls < 2 && ++calls == 2 && Logger.isDebugEnabled()) {
            Logger.debug("start-up: first batch processed {} ms after the process started", sinceStartMs(
                    System.getProperty(LAUNCHED_US), Instant.now()));
        }
        return source.next();
    }

    /**
     * Milliseconds from the start to {@code now}: the launcher's start ({@code launchedUs}) where given
     * and a number, else the JVM's (ProcessHandle's start time is whole seconds on Linux, too coarse).
     */
    static long sinceStartMs(String launchedUs, Instant now) {
        long nowUs = now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
        if (launchedUs != null && launchedUs.matches("[0-9]{1,18}")) {
            return (nowUs - Long.parseLong(launchedUs)) / 1_000;
        }
        return nowUs / 1_000 - ManagementFactory.getRuntimeMXBean().getStartTime();
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
