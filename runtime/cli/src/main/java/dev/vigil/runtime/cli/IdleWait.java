package dev.vigil.runtime.cli;

import java.util.concurrent.CountDownLatch;

/** What a run with nothing to run waits on until {@link LiveStop} closes it (signal or duration). */
final class IdleWait implements AutoCloseable {
    private final CountDownLatch closed = new CountDownLatch(1);

    /** Blocks until {@link #close()}. */
    void await() throws InterruptedException {
        closed.await();
    }

    @Override
    public void close() {
        closed.countDown();
    }
}
