package dev.vigil.sensors.replay;

/**
 * Paces replay by recorded device time. At speed 1 a batch stamped {@code t} is released
 * {@code t - t0} after the first; at speed N, N times sooner; {@link #asFastAsPossible()} never waits.
 * Pacing only delays delivery: what the pipeline computes does not depend on it.
 */
public final class ReplayClock {
    private final double speed;
    private long originDeviceUs = Long.MIN_VALUE;
    private long originNanos;

    private ReplayClock(double speed) {
        this.speed = speed;
    }

    /** Replays {@code speed} times faster than recorded ({@code 1} = real time). */
    public static ReplayClock atSpeed(double speed) {
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("replay speed must be a positive finite number, got " + speed);
        }
        return new ReplayClock(speed);
    }

    /** Replays without waiting. */
    public static ReplayClock asFastAsPossible() {
        return new ReplayClock(Double.POSITIVE_INFINITY);
    }

    /** True when this clock never waits. */
    public boolean unpaced() {
        return Double.isInfinite(speed);
    }

    /** Speed factor; infinite when unpaced. */
    public double speed() {
        return speed;
    }

    /** Waits until data stamped {@code deviceTimeUs} is due. */
    public void awaitDeviceTime(long deviceTimeUs) throws InterruptedException {
        if (unpaced()) {
            return;
        }
        if (originDeviceUs == Long.MIN_VALUE) {
            originDeviceUs = deviceTimeUs;
            originNanos = System.nanoTime();
            return;
        }
        long dueNanos = originNanos + (long) ((deviceTimeUs - originDeviceUs) * 1000.0 / speed);
        long wait = dueNanos - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }
}
