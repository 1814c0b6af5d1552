package dev.vigil.drivers.sensor;

import com.pi4j.io.exception.IOException;

/** Makes a chip model's bus fail: for a window of simulated time, or for the next n transfers. */
final class FaultSwitch {
    private final TimeBase time;
    private long fromNanos = Long.MAX_VALUE;
    private long untilNanos = Long.MIN_VALUE;
    private int failNext;
    private long failures;

    FaultSwitch(TimeBase time) {
        this.time = time;
    }

    /** Every transfer fails from now for {@code nanos} ns of simulated time. */
    void failFor(long nanos) {
        fromNanos = time.nanos();
        untilNanos = fromNanos + nanos;
    }

    /** The next {@code n} transfers fail. */
    void failNext(int n) {
        failNext = n;
    }

    /** Transfers failed so far. */
    long failures() {
        return failures;
    }

    /** Called by the model at each transfer: throws what Pi4J's linuxfs provider throws on EIO. */
    void check(String what) {
        long now = time.nanos();
        if (failNext > 0 || (now >= fromNanos && now < untilNanos)) {
            if (failNext > 0) {
                failNext--;
            }
            failures++;
            throw new IOException("simulated bus error (EIO) during " + what);
        }
    }
}
