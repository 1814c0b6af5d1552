package dev.vigil.runtime.cli.live;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * One page's event stream: server-sent events wait in the client's own bounded queue and are written by
 * the client's own thread, so a page that stops reading fills only its queue; what does not fit is dropped
 * and counted.
 */
final class SseClient {
    /** Messages a client may have waiting. */
    static final int CAPACITY = 64;
    private static final long HEARTBEAT_MS = 15_000;

    private final BlockingQueue<String> queue;
    private final LongAdder dropped = new LongAdder();
    private final AtomicBoolean open = new AtomicBoolean(true);

    SseClient() {
        this(CAPACITY);
    }

    SseClient(int capacity) {
        this.queue = new ArrayBlockingQueue<>(capacity);
    }

    /** Queues event {@code name} with JSON {@code data}; never blocks. */
    void send(String name, String data) {
        if (open.get() && !queue.offer("event: " + name + "\ndata: " + data + "\n\n")) {
            dropped.increment();
        }
    }

    /**
     * Writes queued events to {@code out} until the client goes away, or {@link #close} is called and what
     * was queued before is written.
     */
    void pump(OutputStream out) {
        try {
            while (true) {
                String m = open.get() ? queue.poll(HEARTBEAT_MS, TimeUnit.MILLISECONDS) : queue.poll();
                if (m == null && !open.get()) {
                    return;
                }
                out.write((m == null ? ": keep-alive\n\n" : m).getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (IOException e) {
            // the page went away
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            open.set(false);
        }
    }

    boolean open() {
        return open.get();
    }

    void close() {
        open.set(false);
        queue.offer(": bye\n\n");
    }

    long dropped() {
        return dropped.sum();
    }
}
