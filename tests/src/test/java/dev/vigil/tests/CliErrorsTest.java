package dev.vigil.tests;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input gets one line naming the problem and a non-zero exit, never a stack trace. */
class CliErrorsTest {

    private static void assertOneLineError(CliRun run, int exit, String mustContain) {
        assertEquals(exit, run.exitCode(), run.err());
        String err = run.err().strip();
        assertEquals(1, err.lines().count(), "expected one line, got:\n" + err);
        assertTrue(err.startsWith("vigil: "), err);
        assertTrue(err.contains(mustContain), "'" + err + "' should mention '" + mustContain + "'");
        assertFalse(err.contains("Exception") || err.contains("\tat "), "no stack trace: " + err);
        assertTrue(run.outLines().isEmpty(), "nothing on stdout: " + run.outLines());
    }

    @Test
    void missingLog(@TempDir Path dir) {
        Path missing = dir.resolve("nope.vlog");
        assertOneLineError(CliRun.run("replay", missing.toString(), "--no-mqtt"), 1, "log file not found: " + missing);
    }

    @Test
    void logThatIsNotARecording(@TempDir Path dir) throws Exception {
        Path junk = dir.resolve("junk.vlog");
        Files.writeString(junk, "this is not a sensor log at all, just text\n");
        assertOneLineError(CliRun.run("replay", junk.toString(), "--no-mqtt"), 1, junk.toString());
    }

    @Test
    void directoryInsteadOfLog(@TempDir Path dir) {
        assertOneLineError(CliRun.run("replay", dir.toString(), "--no-mqtt"), 1, "directory");
    }

    @Test
    void aFifoGivenToInspectIsRefusedAtOnce(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("camera.raw");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor(), "mkfifo");
        try {
            CliRun run = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> CliRun.run("inspect", fifo.toString()),
                    "inspect blocked on the pipe");
            assertOneLineError(run, 1, fifo + ": not a regular file");
        } finally {
            // Frees a reader stuck opening the pipe (opening it read-write never blocks on Linux).
            FileChannel.open(fifo, StandardOpenOption.READ, StandardOpenOption.WRITE).close();
        }
    }

    @Test
    void randomBytesNamedRawAreNotReadAsAnEventCamera(@TempDir Path dir) throws Exception {
        byte[] noise = new byte[1 << 20];
        new Random(75).nextBytes(noise);
        Path raw = Files.write(dir.resolve("noise.raw"), noise);
        assertOneLineError(CliRun.run("inspect", raw.toString()), 1, "not a Prophesee RAW (EVT 2.0/3.0) file: no '%' header");
        assertOneLineError(CliRun.run("replay", raw.toString(), "--max", "--no-mqtt"), 1, "not a Prophesee RAW");
    }

    @Test
    void unknownOption() {
        assertOneLineError(CliRun.run("replay", TestPaths.demoLog().toString(), "--frobnicate"), 2, "--frobnicate");
    }

    @Test
    void unknownSubcommand() {
        assertOneLineError(CliRun.run("replai"), 2, "replai");
    }

    @Test
    void outboxDirThatIsAFileIsNamedByItsKey(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
        Path cfg = dir.resolve("outbox.yaml");
        Files.writeString(cfg, "broker:\n  url: tcp://127.0.0.1:9\n  outbox:\n    dir: " + file + "\n");
        CliRun run = CliRun.run("replay", TestPaths.demoLog().toString(), "--max", "--config", cfg.toString());
        assertOneLineError(run, 1, file + " is not a directory");
        assertTrue(run.err().contains("broker.outbox.dir"), "names the key: " + run.err());
    }

    @Test
    void unknownConfigKeyIsNamed(@TempDir Path dir) throws Exception {
        Path cfg = dir.resolve("bad.yaml");
        Files.writeString(cfg, "sensors:\n  audio:\n    bandz: 4\n");
        assertOneLineError(CliRun.run("replay", TestPaths.demoLog().toString(), "--config", cfg.toString(), "--no-mqtt"),
                1, "unknown key 'sensors.audio.bandz'");
    }

    @Test
    void unknownDeviceListsTheAvailableOnes() {
        assertOneLineError(CliRun.run("replay", TestPaths.demoLog().toString(), "--device", "tpu9000", "--no-mqtt"),
                1, "no HAL device 'tpu9000' (available: ");
    }
}
