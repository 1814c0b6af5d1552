package dev.vigil.drivers.sensor;

import dev.vigil.sensors.health.HealthReporting;
import dev.vigil.sensors.health.SensorHealth;
import dev.vigil.sensors.health.HealthState;
import dev.vigil.sensors.SampleBatch;
import dev.vigil.sensors.SensorSource;
import dev.vigil.sensors.SourceProblem;
import dev.vigil.sensors.StreamDescriptor;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.tinylog.Logger;

/**
 * A live sampled source over a {@link FrameReader}: fills batches of a fixed number of frames,
 * timestamps them, and survives bus faults. A failed transfer is retried with exponential backoff;
 * when the retries run out the sensor is marked {@link HealthState#UNHEALTHY}, the partial batch is
 * delivered, and from then on each {@link #next()} waits until the next recovery time, re-initialises
 * the chip, and returns an empty batch if that fails too, so the caller keeps control and the rest of
 * the runtime keeps running.
 *
 * <p>Timestamps count frames from the first read (device time in µs on the monotonic clock); when
 * the frames read fall behind the clock by more than a batch (a FIFO overrun or a fault), the
 * timeline is re-anchored to the clock, so time never goes backwards and gaps stay visible.
 */
public final class GuardedSampleSource implements SensorSource, HealthReporting {
    private static final int MAX_PROBLEMS = 256;

    private final FrameReader reader;
    private final int batchFrames;
    private final RetryPolicy policy;
    private final TimeBase time;
    private final AutoCloseable bus;
    private final SampleBatch batch;
    private final double periodUs;
    private final long toleranceUs;
    private final ArrayDeque<SourceProblem> problems = new ArrayDeque<>();

    private volatile SensorHealth health;
    private boolean started;
    private boolean closed;
    private boolean anchored;
    private long frameCount;
    private long anchorUs;
    private long anchorFrame;
    private long recoveryAtNanos;
    private long seenOverruns;

    /**
     * A source reading {@code batchFrames} frames per batch from {@code reader}; {@code bus} is closed
     * with the source (may be {@code null}).
     */
    public GuardedSampleSource(FrameReader reader, int batchFrames, RetryPolicy policy, TimeBase time,
                               AutoCloseable bus) {
        if (batchFrames < 1) {
            throw new IllegalArgumentException("batch-frames must be at least 1, got " + batchFrames);
        }
        this.reader = reader;
        this.batchFrames = batchFrames;
        this.policy = policy;
        this.time = time;
        this.bus = bus;
        StreamDescriptor stream = reader.stream();
        this.batch = new SampleBatch(stream, batchFrames);
        this.periodUs = 1e6 / stream.sampleRate();
        this.toleranceUs = (long) (batchFrames * periodUs) + 20_000;
        this.health = new SensorHealth(reader.name(), HealthState.HEALTHY, 0, 0, "", time.micros());
    }

    @Override
    public List<StreamDescriptor> streams() {
        return List.of(reader.stream());
    }

    @Override
    public SampleBatch next() throws IOException {
        if (closed) {
            return null;
        }
        if (!started || health.state() == HealthState.UNHEALTHY) {
            if (!startOrRecover()) {
                batch.set(time.micros(), 0);
                return batch;
            }
        }
        float[] dest = batch.samples();
        int filled = 0;
        while (filled < batchFrames && !closed) {
            int n;
            try {
                n = readWithRetries(dest, filled, batchFrames - filled);
            } catch (BusException e) {
                markUnhealthy(e);
                break;
            }
            filled += n;
            if (n == 0) {
                time.sleepNanos(reader.nanosUntil(batchFrames - filled));
            }
        }
        batch.set(timestamp(filled), filled);
        return batch;
    }

    private long timestamp(int frames) {
        long nowUs = time.micros();
        long overruns = reader.overruns();
        if (overruns != seenOverruns) {
            problem("FIFO overrun (" + (overruns - seenOverruns) + " time(s)): samples were lost");
            seenOverruns = overruns;
        }
        long lastFrameUs = anchorUs + (long) ((frameCount + Math.max(0, frames - 1) - anchorFrame) * periodUs);
        long measuredLastUs = nowUs;
        if (!anchored || measuredLastUs - lastFrameUs > toleranceUs) {
            anchorUs = measuredLastUs - (long) (Math.max(0, frames - 1) * periodUs);
            anchorFrame = frameCount;
            anchored = true;
        }
        long startUs = anchorUs + (long) ((frameCount - anchorFrame) * periodUs);
        frameCount += frames;
        return startUs;
    }

    private int readWithRetries(float[] dest, int offset, int max) throws BusException {
        for (int attempt = 1; ; attempt++) {
            try {
                int n = reader.read(dest, offset, max);
                if (health.state() == HealthState.RETRYING) {
                    setHealth(HealthState.HEALTHY, health.lastError(), 0, 0);
                }
                return n;
            } catch (BusException e) {
                setHealth(HealthState.RETRYING, e.getMessage(), 1, 0);
                problem("bus error (try " + attempt + " of " + policy.attempts() + "): " + e.getMessage());
                if (attempt >= policy.attempts()) {
                    throw e;
                }
                time.sleepNanos(policy.backoffNanos(attempt));
            }
        }
    }

    private boolean startOrRecover() {
        if (health.state() == HealthState.UNHEALTHY) {
            long wait = recoveryAtNanos - time.nanos();
            if (wait > 0) {
                time.sleepNanos(wait);
            }
        }
        for (int attempt = 1; attempt <= policy.attempts(); attempt++) {
            try {
                reader.start();
                boolean recovered = started;
                started = true;
                anchored = false;
                if (recovered) {
                    setHealth(HealthState.HEALTHY, health.lastError(), 0, 1);
                    problem("recovered after re-initialisation");
                    Logger.info("{} recovered", reader.name());
                }
                return true;
            } catch (BusException e) {
                setHealth(HealthState.RETRYING, e.getMessage(), 1, 0);
                problem("start failed (try " + attempt + " of " + policy.attempts() + "): " + e.getMessage());
                if (attempt < policy.attempts()) {
                    time.sleepNanos(policy.backoffNanos(attempt));
                } else {
                    started = true;
                    markUnhealthy(e);
                }
            }
        }
        return false;
    }

    private void markUnhealthy(BusException e) {
        recoveryAtNanos = time.nanos() + policy.recoveryInterval().toNanos();
        setHealth(HealthState.UNHEALTHY, e.getMessage(), 0, 0);
        problem("unhealthy, next recovery attempt in " + policy.recoveryInterval().toMillis() + " ms");
        Logger.warn("{} marked unhealthy: {}", reader.name(), e.getMessage());
    }

    private void setHealth(HealthState state, String error, int newFailures, int newRecoveries) {
        SensorHealth h = health;
        long since = h.state() == state ? h.sinceUs() : time.micros();
        health = new SensorHealth(h.sensor(), state, h.failures() + newFailures, h.recoveries() + newRecoveries,
                error, since);
    }

    private void problem(String what) {
        synchronized (problems) {
            if (problems.size() == MAX_PROBLEMS) {
                problems.removeFirst();
            }
            problems.addLast(new SourceProblem(reader.name(), -1, reader.stream().id(), what));
        }
    }

    @Override
    public SensorHealth health() {
        return health;
    }

    /** The latest problems (at most 256; older ones are dropped). */
    @Override
    public List<SourceProblem> problems() {
        synchronized (problems) {
            return new ArrayList<>(problems);
        }
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        reader.stop();
        if (bus != null) {
            try {
                bus.close();
            } catch (Exception e) {
                throw new IOException(reader.name() + ": closing the bus failed: " + e.getMessage(), e);
            }
        }
    }
}
