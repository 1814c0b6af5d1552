package dev.vigil.tests.web;

import dev.vigil.tests.CliRun;

import java.io.Writer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** A {@code vigil} command running in the background, its standard error watched as it is written. */
final class Background {
    private static final Pattern LIVE_PAGE = Pattern.compile("live page on (http://\\S+/)");
    private final StringBuffer err = new StringBuffer();
    private final CompletableFuture<CliRun> run;

    Background(String... args) {
        Writer tap = new Writer() {
            @Override
            public void write(char[] buf, int off, int len) {
                err.append(buf, off, len);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        run = CompletableFuture.supplyAsync(() -> CliRun.run(tap, args));
    }

    /** The live page's address once the command has printed it (20 s at most). */
    String livePageUrl() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            Matcher m = LIVE_PAGE.matcher(err);
            if (m.find()) {
                return m.group(1);
            }
            assertTrue(System.nanoTime() < deadline && !run.isDone(), "no live page announced: " + err);
            Thread.sleep(20);
        }
    }

    /** Standard error so far. */
    String err() {
        return err.toString();
    }

    /** The finished run (60 s at most). */
    CliRun result() throws Exception {
        return run.get(60, TimeUnit.SECONDS);
    }
}
