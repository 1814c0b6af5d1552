package dev.vigil.tests.mqtt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code vigil} command in a child JVM on the test class path, through its {@code main} (so the
 * composition root's process-wide settings apply), with standard output and error in files: a Vigil
 * that can be killed with SIGKILL, or that may exit by itself.
 */
final class VigilProcess implements AutoCloseable {
    private final Process process;
    private final Path out;
    private final Path err;

    private VigilProcess(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    /** Starts {@code vigil args}; output goes to {@code <dir>/<name>.out} and {@code .err}. */
    static VigilProcess start(Path dir, String name, String... args) throws IOException {
        return start(dir, name, List.of(), Map.of(), args);
    }

    /**
     * Starts {@code vigil args} with extra JVM options and environment changes (a null value removes the
     * variable), in working directory {@code dir}.
     */
    static VigilProcess start(Path dir, String name, List<String> jvmOptions, Map<String, String> env, String... args)
            throws IOException {
        return start(dir, dir, name, List.of(), jvmOptions, env, args);
    }

    /**
     * Starts {@code vigil args} in working directory {@code workDir}, run through {@code wrapper} (e.g.
     * strace and its options; empty for none), with output files in {@code dir}.
     */
    static VigilProcess start(Path dir, Path workDir, String name, List<String> wrapper, List<String> jvmOptions,
                              Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(wrapper);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.vigil.runtime.cli.VigilCli"));
        command.addAll(List.of(args));
        Path out = dir.resolve(name + ".out");
        Path err = dir.resolve(name + ".err");
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        env.forEach((k, v) -> {
            if (v == null) {
                pb.environment().remove(k);
            } else {
                pb.environment().put(k, v);
            }
        });
        return new VigilProcess(pb.start(), out, err);
    }

    /** Waits until standard error shows {@code marker}; fails if the process ends or {@code timeoutMs} passes first. */
    void awaitErr(String marker, long timeoutMs) throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (!err().contains(marker)) {
            assertTrue(process.isAlive(), "vigil ended (" + (process.isAlive() ? "" : process.exitValue())
                    + ") before writing '" + marker + "': " + err());
            assertTrue(System.currentTimeMillis() < deadline, "'" + marker + "' not written within " + timeoutMs + " ms: " + err());
            Thread.sleep(20);
        }
    }

    /** Waits until standard output holds at least {@code count} detections; fails after {@code timeoutMs}. */
    void awaitDetections(int count, long timeoutMs) throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (jsonLines().size() < count) {
            assertTrue(process.isAlive(), "vigil ended before printing " + count + " detections: " + err());
            assertTrue(System.currentTimeMillis() < deadline, count + " detections not printed within " + timeoutMs + " ms: " + err());
            Thread.sleep(20);
        }
    }

    /** The detections printed so far (whole JSON lines only: a line being written when killed is left out). */
    List<String> jsonLines() throws IOException {
        String text = Files.readString(out, StandardCharsets.UTF_8);
        int end = text.lastIndexOf('\n');
        return end < 0 ? List.of() : text.substring(0, end + 1).lines().filter(l -> l.startsWith("{")).toList();
    }

    /** Standard error so far. */
    String err() throws IOException {
        return Files.readString(err, StandardCharsets.UTF_8);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Kills it with SIGKILL and waits for it to be gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        assertTrue(process.waitFor(10, TimeUnit.SECONDS), "vigil survived SIGKILL");
    }

    /** Waits up to {@code timeoutMs} for it to end; its exit status, or -1 if it still runs. */
    int waitFor(long timeoutMs) throws InterruptedException {
        return process.waitFor(timeoutMs, TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
