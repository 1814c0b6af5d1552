package dev.vigil.runtime.cli;

import dev.vigil.sensors.Batch;
import dev.vigil.sensors.ForwardingSource;
import dev.vigil.sensors.SensorSource;
import dev.vigil.sensors.formats.LogSource;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A recording read as fast as possible (replay {@code --max}, train, eval) that tells the user every
 * few seconds how much of it has gone through, so a long log does not look like a hang: the share of
 * the file read and an estimate of the time left when the reader can tell, the recorded time
 * processed and the speed against real time. Reports come from a timer, so they keep coming while the
 * pipeline works through a long stretch without reading, and stop when the recording ends (train went on
 * printing "100% read, about 0 s left" while it fitted its heads). The clock starts at the first read,
 * after everything the command sets up first (an embedded broker, a model).
 */
final class ProgressSource extends ForwardingSource {
    /** Wall time between reports. */
    static final long INTERVAL_NS = 10_000_000_000L;

    private final PrintWriter err;
    private final long intervalNs;
    private final LongSupplier nanoTime;
    private ScheduledExecutorService timer;
    private volatile long startNs = Long.MIN_VALUE;
    private volatile long firstUs = Long.MIN_VALUE;
    private volatile long lastUs = Long.MIN_VALUE;
    private volatile double fraction = Double.NaN;

    ProgressSource(SensorSource source, PrintWriter err) {
        this(source, err, INTERVAL_NS, System::nanoTime);
    }

    /**
     * Reports every {@code intervalNs} of {@code nanoTime} from a timer thread; an interval of 0
     * reports after every batch instead, from the reading thread.
     */
    ProgressSource(SensorSource source, PrintWriter err, long intervalNs, LongSupplier nanoTime) {
        super(source);
        this.err = err;
        this.intervalNs = intervalNs;
        this.nanoTime = nanoTime;
    }

    /** {@code source} with progress reports when {@code report}, else {@code source} itself. */
    static SensorSource when(boolean report, SensorSource source, PrintWriter err) {
        return report ? new ProgressSource(source, err) : source;
    }

    /** The source whose progress this reports. */
    SensorSource source() {
        return source;
    }

    @Override
    public Batch next() throws IOException {
        if (startNs == Long.MIN_VALUE) {
            start();
        }
        Batch b = source.next();
        if (b != null && b.size() > 0) {
            if (firstUs == Long.MIN_VALUE) {
                firstUs = b.firstTimeUs();
            }
            lastUs = Math.max(lastUs, b.lastTimeUs());
        }
        if (source instanceof LogSource log) {
            fraction = log.fractionRead();
        }
        if (intervalNs == 0 && b != null) {
            report();
        }
        if (b == null) {
            stopTimer();
        }
        return b;
    }

    private void start() {
        startNs = nanoTime.getAsLong();
        if (intervalNs > 0) {
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "vigil-progress");
                t.setDaemon(true);
                return t;
            });
            timer.scheduleAtFixedRate(this::report, intervalNs, intervalNs, TimeUnit.NANOSECONDS);
        }
    }

    /** Prints one progress line. */
    void report() {
        err.println(ConsoleLines.note(line(nanoTime.getAsLong() - startNs)));
        err.flush();
    }

    /** The progress line after {@code elapsedNs} of reading. */
    String line(long elapsedNs) {
        double wallS = elapsedNs / 1e9;
        double recordedS = firstUs == Long.MIN_VALUE ? 0 : (lastUs - firstUs) / 1e6;
        String processed = String.format(Locale.ROOT, "%,.1f s of the recording processed in %,.0f s (%,.1fx real time)",
                recordedS, wallS, recordedS / Math.max(wallS, 1e-9));
        double f = fraction;
        if (Double.isNaN(f)) {
            return processed;
        }
        String left = f <= 0 ? "time left not known yet" : "about " + duration(wallS * (1 - f) / f) + " left";
        return String.format(Locale.ROOT, "%.0f%% read: %s, %s", 100 * f, processed, left);
    }

    private static String duration(double s) {
        if (s < 120) {
            return String.format(Locale.ROOT, "%.0f s", s);
        }
        if (s < 7200) {
            return String.format(Locale.ROOT, "%.0f min", s / 60);
        }
        return String.format(Locale.ROOT, "%.1f h", s / 3600);
    }

    /** Stops the reports: the whole recording has been read (what a command does next, e.g. fit a head, reports itself). */
    private void stopTimer() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    @Override
    public void close() throws IOException {
        stopTimer();
        super.close();
    }
}
