package dev.vigil.drivers.sensor;

import java.util.concurrent.locks.LockSupport;

/** Monotonic time and sleeping, injectable so tests can run drivers on simulated time. */
public interface TimeBase {

    /** Monotonic time in ns. */
    long nanos();

    /** Sleeps about {@code nanos} ns (returns early if the thread is interrupted). */
    void sleepNanos(long nanos);

    /** Monotonic time in µs. */
    default long micros() {
        return nanos() / 1_000;
    }

    /** The system's monotonic clock. */
    TimeBase SYSTEM = new TimeBase() {
        @Override
        public long nanos() {
            return System.nanoTime();
        }

        @Override
        public void sleepNanos(long nanos) {
            if (nanos > 0) {
                LockSupport.parkNanos(nanos);
            }
        }
    };
}
