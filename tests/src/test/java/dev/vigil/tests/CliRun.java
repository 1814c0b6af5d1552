package dev.vigil.tests;

import dev.vigil.runtime.cli.VigilCli;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the {@code vigil} command in this JVM and captures what it writes. Standard error can also be
 * watched while the command runs.
 */
public record CliRun(int exitCode, List<String> outLines, String err) {

    public static CliRun run(String... args) {
        return run(new StringWriter(), args);
    }

    /** Runs with {@code errTap} receiving standard error as it is written. */
    public static CliRun run(Writer errTap, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Writer both = new Writer() {
            @Override
            public void write(char[] buf, int off, int len) throws java.io.IOException {
                err.write(buf, off, len);
                errTap.write(buf, off, len);
            }

            @Override
            public void flush() throws java.io.IOException {
                errTap.flush();
            }

            @Override
            public void close() {
            }
        };
        CommandLine cl = VigilCli.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(both, true));
        int code = cl.execute(args);
        List<String> lines = Arrays.stream(out.toString().split("\n")).filter(l -> !l.isBlank()).toList();
        return new CliRun(code, lines, err.toString());
    }

    /**
     * Starts the command in the background and returns once its standard error has shown
     * {@code marker}, failing the test if that takes more than 20 s.
     */
    public static CompletableFuture<CliRun> startAndAwait(String marker, String... args) throws InterruptedException {
        CountDownLatch seen = new CountDownLatch(1);
        Writer tap = new StringWriter() {
            @Override
            public void write(char[] buf, int off, int len) {
                if (new String(buf, off, len).contains(marker)) {
                    seen.countDown();
                }
            }
        };
        CompletableFuture<CliRun> running = CompletableFuture.supplyAsync(() -> run(tap, args));
        assertTrue(seen.await(20, TimeUnit.SECONDS), "'" + marker + "' not written within 20 s");
        return running;
    }

    /** The output lines that are JSON objects (detections). */
    public List<String> jsonLines() {
        return outLines.stream().filter(l -> l.startsWith("{")).toList();
    }
}
