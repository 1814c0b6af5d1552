package dev.vigil.drivers.gpio;

import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * An output raised when the wake policy wakes the dense stage, so a host can power a heavier stage:
 * in {@link Mode#PULSE} mode each wake gives one pulse of a fixed width (a new wake during a pulse
 * extends it); in {@link Mode#LEVEL} mode the line stays active from {@link #wake()} to
 * {@link #sleep()}. Active-high or active-low.
 */
public final class WakeLine implements AutoCloseable {

    /** How a wake shows on the line. */
    public enum Mode {
        /** One pulse per wake. */
        PULSE,
        /** Active while awake. */
        LEVEL
    }

    private final DigitalOutput out;
    private final Mode mode;
    private final DigitalState active;
    private final DigitalState inactive;
    private final long pulseNanos;
    private final ScheduledExecutorService scheduler;
    private ScheduledFuture<?> pendingRelease;
    private long wakes;

    /**
     * A wake line on {@code out}; {@code scheduler} ends pulses of width {@code pulse} (unused in
     * level mode).
     */
    public WakeLine(DigitalOutput out, Mode mode, boolean activeHigh, Duration pulse,
                    ScheduledExecutorService scheduler) {
        if (mode == Mode.PULSE && (pulse.isZero() || pulse.isNegative())) {
            throw new IllegalArgumentException("wake pulse width must be positive, got " + pulse);
        }
        this.out = out;
        this.mode = mode;
        this.active = activeHigh ? DigitalState.HIGH : DigitalState.LOW;
        this.inactive = activeHigh ? DigitalState.LOW : DigitalState.HIGH;
        this.pulseNanos = pulse.toNanos();
        this.scheduler = scheduler;
        out.state(inactive);
    }

    /** Signals a wake. */
    public synchronized void wake() {
        wakes++;
        out.state(active);
        if (mode == Mode.PULSE) {
            if (pendingRelease != null) {
                pendingRelease.cancel(false);
            }
            pendingRelease = scheduler.schedule(this::release, pulseNanos, TimeUnit.NANOSECONDS);
        }
    }

    /** Ends a level-mode wake; a pulse ends by itself. */
    public synchronized void sleep() {
        if (mode == Mode.LEVEL) {
            out.state(inactive);
        }
    }

    private synchronized void release() {
        out.state(inactive);
        pendingRelease = null;
    }

    /** Whether the line is active now. */
    public boolean isActive() {
        return out.state() == active;
    }

    /** Wakes signalled so far. */
    public synchronized long wakes() {
        return wakes;
    }

    /** Leaves the line inactive. */
    @Override
    public synchronized void close() {
        if (pendingRelease != null) {
            pendingRelease.cancel(false);
        }
        out.state(inactive);
    }
}
