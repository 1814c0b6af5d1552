package dev.vigil.runtime.cli.live;

import dev.vigil.runtime.pipeline.Detection;
import dev.vigil.runtime.pipeline.DetectionSink;
import dev.vigil.runtime.pipeline.WindowObserver;
import dev.vigil.wake.WakeDecision;

import java.util.Collection;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.LongAdder;

/**
 * Where the sensing loop hands windows and detections to the live page: a bounded queue it only ever
 * offers to, so a page that falls behind costs the loop nothing; what does not fit is dropped and counted.
 */
public final class LiveFeed implements WindowObserver, DetectionSink {
    /** Items the queue holds; at 20 windows per second and lane, many seconds of slack. */
    static final int CAPACITY = 8192;

    /** What the feed carries. */
    sealed interface Item permits WindowPoint, DetectionPoint {
    }

    /**
     * One window of a lane.
     *
     * @param sensor    lane
     * @param endUs     end of the window, device time
     * @param total     readout spikes in it
     * @param value     the wake rule's value
     * @param threshold the rule's threshold
     * @param outcome   what the gate made of it
     */
    record WindowPoint(String sensor, long endUs, int total, double value, double threshold, WakeDecision.Outcome outcome)
            implements Item {
    }

    /** A dense-stage result. */
    record DetectionPoint(Detection detection) implements Item {
    }

    private final BlockingQueue<Item> queue;
    private final LongAdder dropped = new LongAdder();

    public LiveFeed() {
        this(CAPACITY);
    }

    LiveFeed(int capacity) {
        this.queue = new ArrayBlockingQueue<>(capacity);
    }

    @Override
    public void window(String sensor, long endUs, int[] counts, WakeDecision decision) {
        int total = 0;
        for (int c : counts) {
            total += c;
        }
        offer(new WindowPoint(sensor, endUs, total, decision.value(), decision.threshold(), decision.outcome()));
    }

    @Override
    public void accept(Detection detection) {
        offer(new DetectionPoint(detection));
    }

    private void offer(Item item) {
        if (!queue.offer(item)) {
            dropped.increment();
        }
    }

    /** Moves everything waiting into {@code into}. */
    int drainTo(Collection<Item> into) {
        return queue.drainTo(into);
    }

    /** Items dropped because the page's side fell behind. */
    public long dropped() {
        return dropped.sum();
    }
}
