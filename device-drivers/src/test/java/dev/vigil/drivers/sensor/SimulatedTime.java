package dev.vigil.drivers.sensor;

/** Simulated monotonic time: sleeping advances it at once, so drivers and chip models run in lock step. */
final class SimulatedTime implements TimeBase {
    private long nanos = 1_000_000_000L;
    private long slept;

    @Override
    public synchronized long nanos() {
        return nanos;
    }

    @Override
    public synchronized void sleepNanos(long n) {
        if (n > 0) {
            nanos += n;
            slept += n;
        }
    }

    /** Advances time by {@code n} ns without anyone sleeping (time spent elsewhere). */
    synchronized void advance(long n) {
        nanos += n;
    }

    /** Total time slept by drivers. */
    synchronized long slept() {
        return slept;
    }
}
