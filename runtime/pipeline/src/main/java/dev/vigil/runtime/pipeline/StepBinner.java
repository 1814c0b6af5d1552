package dev.vigil.runtime.pipeline;

import dev.vigil.runtime.hal.DeviceSession;
import dev.vigil.sensors.encode.SpikeSink;

import java.util.Arrays;
import java.util.function.IntConsumer;
import java.util.function.LongConsumer;

/**
 * Bins a lane's input spikes into timesteps of {@code stepUs} counted from a common origin and hands
 * each step's spikes to the device session as one batch, its output spikes to {@code outputs}, and
 * then the device time at the step's end to {@code stepEnded}. Steps without input still run, so leak
 * and windows advance with device time. Allocates nothing per spike or step once its buffer holds the
 * busiest step.
 */
final class StepBinner implements SpikeSink {
    private final DeviceSession session;
    private final IntConsumer outputs;
    private final LongConsumer stepEnded;
    private final long originUs;
    private final long stepUs;
    /** The current step's input spikes; grows, never shrinks. */
    private int[] spikes = new int[256];
    private int count;
    private long step;
    private long inputSpikes;
    private long stepNanos;

    StepBinner(DeviceSession session, LaneTiming timing, IntConsumer outputs, LongConsumer stepEnded) {
        this.session = session;
        this.outputs = outputs;
        this.stepEnded = stepEnded;
        this.originUs = timing.originUs();
        this.stepUs = timing.stepUs();
    }

    @Override
    public void spike(long timeUs, int channel) {
        advanceTo(timeUs);
        if (count == spikes.length) {
            spikes = Arrays.copyOf(spikes, 2 * count);
        }
        spikes[count++] = channel;
        inputSpikes++;
    }

    /**
     * Runs every step that ends at or before {@code timeUs}: the stream has reached that time, so no later
     * spike can fall into them. A lane whose encoder is silent still moves with its stream's time this way.
     */
    void advanceTo(long timeUs) {
        runUntil(stepOf(timeUs));
    }

    /** Runs the remaining steps up to and including the step holding {@code endUs}. */
    void runThrough(long endUs) {
        runUntil(stepOf(endUs) + 1);
    }

    /** Runs the steps before step {@code target}, timing them together (reading the clock costs more than a quiet step). */
    private void runUntil(long target) {
        if (step >= target) {
            return;
        }
        long t0 = System.nanoTime();
        while (step < target) {
            endStep();
        }
        stepNanos += System.nanoTime() - t0;
    }

    private long stepOf(long timeUs) {
        return Math.max(0, (timeUs - originUs) / stepUs);
    }

    private void endStep() {
        session.inject(spikes, 0, count);
        count = 0;
        session.step(outputs);
        step++;
        stepEnded.accept(deviceTimeUs());
    }

    /**
     * Host time spent in steps, ns: the device's work and what runs at a step's end (windows, wake
     * gating, dense runs), which the time of encoding a batch must leave out to be the encoder's alone.
     */
    long stepNanos() {
        return stepNanos;
    }

    /** Device time at the end of the last step run. */
    long deviceTimeUs() {
        return originUs + elapsedUs();
    }

    /** Device time the steps run so far cover. */
    long elapsedUs() {
        return step * stepUs;
    }

    /** Input spikes binned so far. */
    long inputSpikes() {
        return inputSpikes;
    }
}
