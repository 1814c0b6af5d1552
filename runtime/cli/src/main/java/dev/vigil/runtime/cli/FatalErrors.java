package dev.vigil.runtime.cli;

import org.tinylog.Logger;

/**
 * The composition root's answer to an error no thread can recover from (an {@link OutOfMemoryError}
 * in Paho's receiver, an exception that ends the MQTT publisher, any uncaught exception): log it and
 * end the process at once with status {@value #STATUS}, so that a service manager's {@code Restart=}
 * starts a fresh Vigil instead of leaving one alive that no longer delivers. Detections already
 * reported are in the outbox and are sent by the next start.
 */
final class FatalErrors {
    /** Exit status after a fatal error (EX_SOFTWARE). */
    static final int STATUS = 70;
    private static volatile boolean installed;

    private FatalErrors() {
    }

    /** Makes every uncaught exception, on any thread, end the process; for {@code main} only. */
    static void install() {
        installed = true;
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> exit(thread.getName(), e));
    }

    /**
     * A fatal error reported by a part of Vigil that must not end the process itself (delivery): ends it
     * when {@link #install()} was called, else (Vigil running inside another program) only logs it.
     */
    static void report(Throwable e) {
        if (installed) {
            exit(Thread.currentThread().getName(), e);
        } else {
            Logger.error(e, "fatal: {}", e);
        }
    }

    private static void exit(String thread, Throwable e) {
        try {
            Logger.error("fatal: {} in thread {}; exiting with status {} so that the service manager restarts Vigil",
                    e, thread, STATUS);
        } catch (Throwable logging) {
            // nothing more can be done: the exit status says it
        } finally {
            Runtime.getRuntime().halt(STATUS);
        }
    }
}
