package dev.vigil.drivers.gpio;

import dev.vigil.sensors.health.HealthState;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A status LED showing a {@link Pattern}; {@link #tick(long)} sets the line for a moment in time and
 * {@link #start} calls it every 50 ms.
 */
public final class StatusLed implements AutoCloseable {

    /** What the LED shows, as a blink period and on-time in ms (0 period = steady). */
    public enum Pattern {
        /** Dark: not running. */
        OFF(0, 0),
        /** Steady: running, all sensors healthy. */
        ON(0, 1),
        /** 1 s blink: a sensor is retrying. */
        SLOW_BLINK(1000, 500),
        /** 0.2 s blink: a sensor is unhealthy. */
        FAST_BLINK(200, 100),
        /** Short flash every 2 s: capture in progress. */
        FLASH(2000, 100);

        private final long periodMs;
        private final long onMs;

        Pattern(long periodMs, long onMs) {
            this.periodMs = periodMs;
            this.onMs = onMs;
        }

        /** Whether the LED is lit {@code ms} after the pattern began. */
        public boolean litAt(long ms) {
            return periodMs == 0 ? onMs > 0 : Math.floorMod(ms, periodMs) < onMs;
        }

        /** The pattern for the worst sensor health. */
        public static Pattern forHealth(HealthState worst) {
            return switch (worst) {
                case HEALTHY -> ON;
                case RETRYING -> SLOW_BLINK;
                case UNHEALTHY -> FAST_BLINK;
            };
        }
    }

    private final DigitalOutput out;
    private volatile Pattern pattern = Pattern.OFF;
    private volatile long sinceMs;
    private ScheduledFuture<?> ticker;

    /** An LED on {@code out} (active-high). */
    public StatusLed(DigitalOutput out) {
        this.out = out;
        out.state(DigitalState.LOW);
    }

    /** Shows {@code p} from {@code nowMs} on. */
    public void show(Pattern p, long nowMs) {
        if (p != pattern) {
            pattern = p;
            sinceMs = nowMs;
        }
        tick(nowMs);
    }

    /** The pattern shown. */
    public Pattern pattern() {
        return pattern;
    }

    /** Sets the line for time {@code nowMs}. */
    public void tick(long nowMs) {
        DigitalState want = pattern.litAt(nowMs - sinceMs) ? DigitalState.HIGH : DigitalState.LOW;
        if (out.state() != want) {
            out.state(want);
        }
    }

    /** Ticks every 50 ms on {@code scheduler}. */
    public synchronized void start(ScheduledExecutorService scheduler) {
        if (ticker == null) {
            ticker = scheduler.scheduleAtFixedRate(() -> tick(System.nanoTime() / 1_000_000), 0, 50,
                    TimeUnit.MILLISECONDS);
        }
    }

    /** Stops ticking and turns the LED off. */
    @Override
    public synchronized void close() {
        if (ticker != null) {
            ticker.cancel(false);
            ticker = null;
        }
        out.state(DigitalState.LOW);
    }
}
