package dev.vigil.runtime.mqtt;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HandoffLimitTest {

    @Test
    void aFullQueueDropsAndATakenPlaceIsFreeAgain() {
        HandoffLimit h = new HandoffLimit(2);
        assertTrue(h.admit());
        assertTrue(h.admit());
        assertFalse(h.admit());
        assertEquals(2, h.enqueued());
        assertEquals(1, h.dropped());
        h.taken();
        assertTrue(h.admit());
        assertFalse(h.admit());
        assertEquals(3, h.enqueued());
        assertEquals(2, h.dropped());
    }

    @Test
    void aDetectionThatCouldNotBeStoredMovesFromEnqueuedToDropped() {
        HandoffLimit h = new HandoffLimit(5);
        h.admit();
        h.admit();
        h.taken();
        h.lost();
        assertEquals(1, h.enqueued());
        assertEquals(1, h.dropped());
    }

    @Test
    void manyThreadsNeverAdmitMoreThanTheCapacity() throws InterruptedException {
        int capacity = 1000;
        HandoffLimit h = new HandoffLimit(capacity);
        AtomicInteger admitted = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < 1000; i++) {
                    admitted.addAndGet(h.admit() ? 1 : 0);
                }
            }));
        }
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(capacity, admitted.get());
        assertEquals(capacity, h.enqueued());
        assertEquals(4 * 1000 - capacity, h.dropped());
    }
}
