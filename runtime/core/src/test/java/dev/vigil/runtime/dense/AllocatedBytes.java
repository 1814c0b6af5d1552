package dev.vigil.runtime.dense;

import java.lang.management.ManagementFactory;

/** Bytes the current thread has allocated so far (HotSpot's per-thread counter). */
final class AllocatedBytes {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private AllocatedBytes() {
    }

    static long now() {
        return THREADS.getCurrentThreadAllocatedBytes();
    }
}
