package dev.vigil.runtime.cli;

import org.tinylog.Logger;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ends a live command the one way that lets it finish cleanly: by closing its sources, after an
 * optional duration or on SIGTERM / Ctrl-C. The command's loop then drains what is queued, sees the
 * end of the sources and closes its outputs; the signal handler waits for that before the JVM exits.
 * Declare it first in the command's try-with-resources, so that it is closed last, after every output
 * has been flushed.
 */
final class LiveStop implements AutoCloseable {
    private final CountDownLatch finished = new CountDownLatch(1);
    private AutoCloseable sources;
    private Thread hook;
    private Thread timer;

    /**
     * From now on, closes {@code watched} (the live sources, or what an idle run waits on) after
     * {@code durationS} seconds (null: never) or on a termination signal.
     */
    void watch(AutoCloseable watched, Double durationS) {
        this.sources = watched;
        this.hook = Thread.ofPlatform().unstarted(() -> {
            closeSources();
            try {
                finished.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(hook);
        this.timer = durationS == null ? null : Thread.ofPlatform().daemon().name("vigil-live-timer").start(() -> {
            try {
                Thread.sleep((long) (durationS * 1000));
                closeSources();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private void closeSources() {
        try {
            sources.close();
        } catch (Exception e) {
            Logger.warn("Closing the live sources: {}", e.getMessage());
        }
    }

    /** The command has finished: stops the timer and releases a waiting signal handler. */
    @Override
    public void close() {
        if (timer != null) {
            timer.interrupt();
        }
        if (hook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting because of a signal: the hook is the one waiting for us
            }
        }
        finished.countDown();
    }
}
