package dev.vigil.runtime.mqtt;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bound on the hand-off queue between the sensing loop and the publisher, with its counts:
 * detections admitted, and detections dropped because the queue was full or they could not be stored.
 * Thread-safe: the sensing loop admits, the publisher takes.
 */
final class HandoffLimit {
    private final int capacity;
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong enqueued = new AtomicLong();

    /** At most {@code capacity} detections waiting at once. */
    HandoffLimit(int capacity) {
        this.capacity = capacity;
    }

    /** Takes a place in the queue; false, counting a drop, when it is full. Never blocks. */
    boolean admit() {
        if (waiting.incrementAndGet() > capacity) {
            waiting.decrementAndGet();
            dropped.incrementAndGet();
            return false;
        }
        enqueued.incrementAndGet();
        return true;
    }

    /** The publisher took an admitted detection off the queue. */
    void taken() {
        waiting.decrementAndGet();
    }

    /** A detection taken off the queue could not be stored: it counts as dropped, not enqueued. */
    void lost() {
        dropped.incrementAndGet();
        enqueued.decrementAndGet();
    }

    /** Detections admitted and not lost. */
    long enqueued() {
        return enqueued.get();
    }

    /** Detections dropped. */
    long dropped() {
        return dropped.get();
    }
}
