package dev.vigil.runtime.cli;

import dev.vigil.sensors.Batch;
import dev.vigil.sensors.SensorSource;
import dev.vigil.sensors.SourceProblem;
import dev.vigil.sensors.StreamDescriptor;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * A recording read as fast as possible (replay {@code --max}, train, eval) that tells the user every
 * few seconds how much of it has gone through, so a long log does not look like a hang.
 */
final class ProgressSource implements SensorSource {
    /** Wall time between reports. */
    static final long INTERVAL_NS = 10_000_000_000L;

    private final SensorSource source;
    private final PrintWriter err;
    private final long intervalNs;
    private final long startNs = System.nanoTime();
    private long nextReportNs;
    private long firstUs = Long.MIN_VALUE;
    private long lastUs = Long.MIN_VALUE;

    ProgressSource(SensorSource source, PrintWriter err) {
        this(source, err, INTERVAL_NS);
    }

    ProgressSource(SensorSource source, PrintWriter err, long intervalNs) {
        this.source = source;
        this.err = err;
        this.intervalNs = intervalNs;
        this.nextReportNs = startNs + intervalNs;
    }

    /** {@code source} with progress reports when {@code report}, else {@code source} itself. */
    static SensorSource when(boolean report, SensorSource source, PrintWriter err) {
        return report ? new ProgressSource(source, err) : source;
    }

    @Override
    public List<StreamDescriptor> streams() {
        return source.streams();
    }

    @Override
    public Batch next() throws IOException {
        Batch b = source.next();
        if (b != null && b.size() > 0) {
            if (firstUs == Long.MIN_VALUE) {
                firstUs = b.firstTimeUs();
            }
            lastUs = Math.max(lastUs, b.lastTimeUs());
            long now = System.nanoTime();
            if (now >= nextReportNs) {
                double recordedS = (lastUs - firstUs) / 1e6;
                double wallS = (now - startNs) / 1e9;
                err.println(String.format(Locale.ROOT, "vigil: %.1f s of the recording processed in %.0f s (%.1fx real time)",
                        recordedS, wallS, recordedS / Math.max(wallS, 1e-9)));
                err.flush();
                nextReportNs = now + intervalNs;
            }
        }
        return b;
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
