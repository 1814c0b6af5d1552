package dev.vigil.tests.mqtt;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.runtime.cli.Figures;
import dev.vigil.tests.CliRun;
import dev.vigil.tests.TestPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Delivery that loses nothing, against a real Mosquitto: the broker stopped mid-replay, the runtime
 * killed with SIGKILL while the broker is down, and an outbox that overflows.
 */
class OutboxOverMosquittoTest {

    private static Path dir(Path parent, String name) throws IOException {
        return Files.createDirectories(parent.resolve(name));
    }

    private static long segments(Path outbox) throws IOException {
        try (Stream<Path> s = Files.list(outbox)) {
            return s.filter(p -> p.getFileName().toString().startsWith("seg-")).count();
        }
    }

    /** Acceptance 1: the broker is stopped for two seconds mid-replay and started again. */
    @Test
    void brokerStoppedMidReplayLosesNothing(@TempDir Path tmp) throws Exception {
        try (Mosquitto broker = Mosquitto.plain(dir(tmp, "broker"), true);
             Subscriber sub = new Subscriber(broker.url(), "vigil/+/detections/#", true)) {
            Path cfg = TestConfigs.write(tmp, "vigil.yaml", TestConfigs.MANY_DETECTIONS, tmp.resolve("outbox"), "");
            CompletableFuture<CliRun> running = CompletableFuture.supplyAsync(() -> CliRun.run("replay",
                    TestPaths.demoLog().toString(), "--speed", "1", "--config", cfg.toString(), "--broker", broker.url()));
            sub.await("/detections/", 3, 20_000);
            broker.stop();
            long before = sub.detectionMessages();
            Thread.sleep(2000);
            broker.start();
            CliRun run = running.get(90, TimeUnit.SECONDS);
            assertEquals(0, run.exitCode(), run.err());
            List<String> printed = TestConfigs.ids(run);
            assertTrue(before >= 3 && before < printed.size() / 2,
                    "the outage fell mid-run: " + before + " of " + printed.size() + " had arrived when it began");
            assertTrue(run.err().contains(" of " + Figures.count(printed.size(), "detection", "detections") + " delivered"), run.err());
            List<String> arrived = sub.awaitDistinctDetectionIds(printed.size(), 20_000);
            assertEquals(printed, arrived, "every detection arrives, in order, none twice after de-duplication by id");
        }
    }

    /** Acceptance 2: the runtime is killed with SIGKILL while the broker is down, then started again. */
    @Test
    void killedWhileBrokerIsDownThenRestartedDrainsTheOutbox(@TempDir Path tmp) throws Exception {
        Path outbox = tmp.resolve("outbox");
        try (Mosquitto broker = Mosquitto.plain(dir(tmp, "broker"), false)) {
            broker.stop();
            Path cfg = TestConfigs.write(tmp, "vigil.yaml", TestConfigs.MANY_DETECTIONS, outbox, "drain-on-close-s: 120");
            Path out = tmp.resolve("child.out");
            Path err = tmp.resolve("child.err");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    "dev.vigil.runtime.cli.VigilCli", "replay", TestPaths.demoLog().toString(), "--max",
                    "--config", cfg.toString(), "--broker", broker.url())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            try {
                long deadline = System.currentTimeMillis() + 60_000;
                while (!Files.readString(err).contains("Summary of") && System.currentTimeMillis() < deadline) {
                    assertTrue(child.isAlive(), "the child ended early: " + Files.readString(err));
                    Thread.sleep(50);
                }
                assertTrue(Files.readString(err).contains("Summary of"), Files.readString(err));
                assertTrue(child.isAlive(), "the child waits for the broker to drain its outbox");
            } finally {
                child.destroyForcibly();
                child.waitFor(10, TimeUnit.SECONDS);
            }
            assertEquals(137, child.exitValue(), "killed by SIGKILL");
            List<String> printed = TestConfigs.ids(Files.readAllLines(out, StandardCharsets.UTF_8).stream()
                    .filter(l -> l.startsWith("{")).toList());
            assertTrue(printed.size() > 20, "the run made detections: " + printed.size());
            assertTrue(segments(outbox) > 0, "they wait on disk");

            broker.start();
            try (Subscriber sub = new Subscriber(broker.url(), "vigil/+/detections/#", false)) {
                Path restart = TestConfigs.write(tmp, "restart.yaml", TestConfigs.NO_SENSORS, outbox, "");
                CliRun run = CliRun.run("replay", TestPaths.demoLog().toString(), "--max", "--config", restart.toString(),
                        "--broker", broker.url());
                assertEquals(0, run.exitCode(), run.err());
                assertTrue(run.jsonLines().isEmpty(), "the restart makes no detections of its own");
                assertEquals(printed, sub.awaitDistinctDetectionIds(printed.size(), 20_000),
                        "the outbox drains, in order, and nothing is lost");
                assertEquals(0, segments(outbox), "a drained outbox leaves no segment");
            }
        }
    }

    /** Acceptance 3: a tiny outbox overflows while the broker is down; the oldest go, and the count is published. */
    @Test
    void fullOutboxDropsTheOldestAndPublishesTheCount(@TempDir Path tmp) throws Exception {
        Path outbox = tmp.resolve("outbox");
        try (Mosquitto broker = Mosquitto.plain(dir(tmp, "broker"), false)) {
            broker.stop();
            Path cfg = TestConfigs.write(tmp, "vigil.yaml", TestConfigs.MANY_DETECTIONS, outbox,
                    "max-bytes: 8192, segment-bytes: 2048, drain-on-close-s: 0");
            CliRun offline = CliRun.run("replay", TestPaths.demoLog().toString(), "--max", "--config", cfg.toString(),
                    "--broker", broker.url());
            assertEquals(0, offline.exitCode(), offline.err());
            List<String> printed = TestConfigs.ids(offline);
            broker.start();
            try (Subscriber sub = new Subscriber(broker.url(), "vigil/#", false)) {
                Path restart = TestConfigs.write(tmp, "restart.yaml", TestConfigs.NO_SENSORS, outbox, "");
                CliRun run = CliRun.run("replay", TestPaths.demoLog().toString(), "--max", "--config", restart.toString(),
                        "--broker", broker.url());
                assertEquals(0, run.exitCode(), run.err());
                List<String> arrived = sub.distinctDetectionIds();
                assertFalse(arrived.isEmpty());
                assertTrue(arrived.size() < printed.size(), "some had to be dropped: " + arrived.size() + " of " + printed.size());
                assertEquals(printed.subList(printed.size() - arrived.size(), printed.size()), arrived,
                        "the newest are kept, in order; the oldest were dropped");
                JsonNode metrics = sub.await("/metrics", 1, 5_000).getFirst().json();
                assertEquals(printed.size() - arrived.size(), metrics.at("/outbox/dropped_full").asLong(),
                        "the drop count is published: " + metrics);
            }
        }
    }
}
