package dev.vigil.runtime.cli;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The start-up figure counts from the launcher's start where it passed one, else from the JVM's. */
class StartupMarkTest {
    @Test
    void theLaunchersStartIsTakenToTheMicrosecond() {
        Instant now = Instant.parse("2026-12-06T04:00:00.750123Z");
        long launched = now.getEpochSecond() * 1_000_000L + 750_123 - 487_000;
        assertEquals(487, StartupMark.sinceStartMs(Long.toString(launched), now));
    }

    @Test
    void withoutItOrWithSomethingElseTheJvmsStartCounts() {
        Instant now = Instant.now();
        long jvm = now.toEpochMilli() - ManagementFactory.getRuntimeMXBean().getStartTime();
        for (String launched : new String[] {null, "", "12.5", "soon"}) {
            long ms = StartupMark.sinceStartMs(launched, now);
            assertTrue(Math.abs(ms - jvm) <= 1, launched + ": " + ms + " ms, the JVM started " + jvm + " ms before");
        }
    }
}
