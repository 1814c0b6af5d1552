package dev.vigil.tests;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `vigil run`, the service: live sources through the pipeline, stopped by time or by SIGTERM. */
class RunCommandTest {

    private static Path liveConfig(Path dir) throws Exception {
        Path cfg = dir.resolve("live.yaml");
        Files.writeString(cfg, "sources:\n  - driver: synth\n");
        return cfg;
    }

    @Test
    void runsTheLiveSceneAndDetectsItsEvents(@TempDir Path dir) throws Exception {
        CliRun run = CliRun.run("run", "--config", liveConfig(dir).toString(), "--no-mqtt", "--duration", "3.6");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.jsonLines().stream().anyMatch(l -> l.contains("\"sensor\":\"dvs\"") && l.contains("\"label\":\"motion\"")),
                "the moving edge at 1.5-2.5 s is detected: " + run.jsonLines());
        assertTrue(run.jsonLines().stream().anyMatch(l -> l.contains("\"label\":\"speech\"")),
                "the speech burst at 3.0-3.8 s is detected: " + run.jsonLines());
        assertTrue(run.err().contains("Summary of live run (ran "), "a live run ran, it did not record: " + run.err());
    }

    @Test
    void aRunWhoseSourcesAllFailExitsNonZeroWithTheReason(@TempDir Path dir) throws Exception {
        Path cfg = dir.resolve("mic.yaml");
        Files.writeString(cfg, "sources:\n  - driver: microphone\n    settings: {device: no-such-card-for-vigil-tests, recovery-ms: 200}\n");
        CliRun run = CliRun.run("run", "--config", cfg.toString(), "--no-mqtt", "--duration", "1.5");
        assertEquals(1, run.exitCode(), run.err());
        String last = run.err().strip().lines().reduce((a, b) -> b).orElseThrow();
        assertTrue(last.startsWith("vigil: error: no live source delivered any data: microphone no-such-card-for-vigil-tests: "),
                "the last line says why: " + run.err());
        assertTrue(last.contains("cannot open the capture line: no capture mixer matches"), last);
        assertTrue(run.err().contains("Summary of live run (ran "), run.err());
    }

    @Test
    void aSourceThatCannotOpenIsNamedWithItsIndexAndDriver(@TempDir Path dir) throws Exception {
        Path cfg = dir.resolve("i2c.yaml");
        Files.writeString(cfg, "sources:\n  - driver: adxl345\n    settings: {interface: i2c, i2c-bus: 31}\n");
        CliRun run = CliRun.run("run", "--config", cfg.toString(), "--no-mqtt", "--duration", "1");
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.err().strip().startsWith("vigil: error: sources[0] (adxl345) could not open: "), run.err());
        assertTrue(run.err().contains("31"), "names the bus: " + run.err());
    }

    @Test
    void withoutSourcesItSaysWhichFileToEditAndWaitsQuietly(@TempDir Path dir) throws Exception {
        Path cfg = dir.resolve("fresh.yaml");
        Files.writeString(cfg, "device-id: fresh\n");
        long start = System.nanoTime();
        CliRun run = CliRun.run("run", "--config", cfg.toString(), "--no-mqtt", "--duration", "1");
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(0, run.exitCode(), "a fresh install is a healthy service, not a failure: " + run.err());
        assertTrue(run.err().startsWith("vigil: warning: no live sources in " + cfg + ": nothing runs and nothing is published."),
                run.err());
        assertTrue(run.err().contains("sudo systemctl restart vigil"), run.err());
        assertTrue(seconds >= 0.9, "it waits until stopped (here: --duration 1), not a crash loop: " + seconds + " s");
        assertTrue(run.outLines().isEmpty(), "no detection made up: " + run.outLines());
        assertFalse(run.err().contains("Summary"), run.err());
    }

    @Test
    void sigtermStopsCleanlyWithASummary(@TempDir Path dir) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "dev.vigil.runtime.cli.VigilCli", "run", "--config", liveConfig(dir).toString(), "--no-mqtt")
                .redirectOutput(dir.resolve("out.txt").toFile()).start();
        StringBuilder err = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                err.append(line).append('\n');
                if (line.contains("vigil: running on")) {
                    Thread.sleep(1000);
                    p.toHandle().destroy();
                }
            }
        }
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "vigil run did not stop on SIGTERM");
        assertEquals(143, p.exitValue(), "SIGTERM exit status (the unit declares SuccessExitStatus=143):\n" + err);
        assertTrue(err.toString().contains("Summary of live run"), err.toString());
        assertTrue(err.toString().contains("windows"), err.toString());
    }
}
