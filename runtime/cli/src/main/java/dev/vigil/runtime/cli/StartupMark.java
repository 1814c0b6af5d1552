package dev.vigil.runtime.cli;

import dev.vigil.sensors.SensorSource;
import org.tinylog.Logger;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The start-up figure of {@code vigil run}: how long after the process started the pipeline had processed
 * its first batch ({@link #after(SensorSource)}), logged at debug level ({@code VIGIL_DEBUG=1}). The start is
 * the launcher's ({@code exec} keeps the process), which it passes as {@value #LAUNCHED_US} (microseconds
 * since the epoch); without it, the JVM's. With {@value #REPORT_VARIABLE} set, the figure (milliseconds) is
 * also written to the file it names, for {@code vigil bench}.
 */
final class StartupMark {
    /** The system property the launcher sets to the time it started, in microseconds since the epoch. */
    static final String LAUNCHED_US = "vigil.launched-us";
    /** The environment variable naming a file to write the figure to. */
    static final String REPORT_VARIABLE = "VIGIL_STARTUP_FILE";

    private StartupMark() {
    }

    /** {@code source}, marking the start-up figure when its first batch has been processed. */
    static SensorSource after(SensorSource source) {
        String reportFile = System.getenv(REPORT_VARIABLE);
        return new AfterFirstBatch(source, () -> {
            if (reportFile != null || Logger.isDebugEnabled()) {
                long ms = sinceStartMs(System.getProperty(LAUNCHED_US), Instant.now());
                Logger.debug("start-up: first batch processed {} ms after the process started", ms);
                if (reportFile != null) {
                    Files.writeString(Path.of(reportFile), ms + "\n");
                }
            }
        });
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
