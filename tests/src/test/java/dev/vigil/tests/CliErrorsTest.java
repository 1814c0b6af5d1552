package dev.vigil.tests;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
        assertOneLineError(CliRun.run("replay", TestPaths.demoLog().toString(), "--max", "--config", cfg.toString()),
                1, "broker.outbox.dir = " + file + " cannot be used: not a directory");
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
