package dev.vigil.runtime.cli;

import dev.vigil.sensors.Batch;
import dev.vigil.sensors.ForwardingSource;
import dev.vigil.sensors.SensorSource;
import org.tinylog.Logger;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Passes a live source through and logs (debug, {@code VIGIL_DEBUG=1}) how long after the process
 * started the pipeline asked for its second batch, i.e. had processed the first: the start-up figure
 * of {@code vigil run}. The start is the launcher's ({@code exec} keeps the process), which it passes
 * as {@value #LAUNCHED_US} (microseconds since the epoch); without it, the JVM's start. With
 * {@value #REPORT_VARIABLE} set, the figure (milliseconds) is also written to the file it names, for
 * {@code vigil bench}.
 */
final class StartupMark extends ForwardingSource {
    /** The system property the launcher sets to the time it started, in microseconds since the epoch. */
    static final String LAUNCHED_US = "vigil.launched-us";
    /** The environment variable naming a file to write the figure to. */
    static final String REPORT_VARIABLE = "VIGIL_STARTUP_FILE";
    private final String reportFile;
    private int calls;

    /** Marks {@code source}; {@code reportFile} (or null) receives the figure. */
    StartupMark(SensorSource source, String reportFile) {
        super(source);
        this.reportFile = reportFile;
    }

    @Override
    public Batch next() throws IOException {
        if (calls < 2 && ++calls == 2 && (reportFile != null || Logger.isDebugEnabled())) {
            long ms = sinceStartMs(System.getProperty(LAUNCHED_US), Instant.now());
            Logger.debug("start-up: first batch processed {} ms after the process started", ms);
            if (reportFile != null) {
                Files.writeString(Path.of(reportFile), ms + "\n");
            }
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
}
