package dev.vigil.runtime.pipeline;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The calling thread's CPU time, for the energy figures: unlike wall time it does not grow while the
 * thread waits for a core, so a busy host does not inflate what a part of the pipeline costs. Falls back
 * to wall time where the JVM cannot measure thread CPU time. Reading it allocates nothing.
 */
public final class CpuClock {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean SUPPORTED = THREADS.isCurrentThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled();

    private CpuClock() {
    }

    /** CPU time of the calling thread so far, ns (wall time where thread CPU time is not measured). */
    public static long nanos() {
        return SUPPORTED ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }
}
