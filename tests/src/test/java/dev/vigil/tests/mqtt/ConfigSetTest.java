package dev.vigil.tests.mqtt;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.tests.CliRun;
import dev.vigil.tests.TestPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Acceptance 5 over a real broker: malformed, unauthorised, unknown, out-of-range and not-live
 * {@code config/set} commands are refused with a reply and change nothing; a valid one is applied and
 * the retained config shows it. The demo log, replayed in real time, wakes dvs at 1.55 s, audio at
 * 3.05 s and vibration at 4.45 s; the commands are sent in its first second.
 */
class ConfigSetTest {
    private static final String TOKEN = "s3cret";

    @Test
    void aTokenReadFromTheTokenFileAuthorisesCommands(@TempDir Path tmp) throws Exception {
        Path tokenFile = Files.writeString(tmp.resolve("commands-token"), TOKEN + "\n");
        try (Mosquitto broker = Mosquitto.plain(Files.createDirectories(tmp.resolve("broker")), false);
             Subscriber sub = new Subscriber(broker.url(), "vigil/#", false)) {
            Path cfg = TestConfigs.write(tmp, "vigil.yaml", "", tmp.resolve("outbox"), "",
                    "commands: {enabled: true, token-file: \"" + tokenFile + "\"}");
            CompletableFuture<CliRun> running = CliRun.startAndAwait("vigil: replaying", "replay",
                    TestPaths.demoLog().toString(), "--speed", "1", "--config", cfg.toString(), "--broker", broker.url());
            String set = "vigil/vigil-demo/config/set";
            sub.publish(set, "{\"id\":\"1\",\"token\":\"" + tokenFile + "\",\"set\":{\"sensors.vibration.enabled\":false}}");
            JsonNode refused = sub.await("/config/reply", 1, 5_000).getLast().json();
            assertTrue(refused.get("error").asText().contains("unauthorised"), refused.toString());
            sub.publish(set, "{\"id\":\"2\",\"token\":\"" + TOKEN + "\",\"set\":{\"sensors.vibration.enabled\":false}}");
            JsonNode ok = sub.await("/config/reply", 2, 5_000).getLast().json();
            assertTrue(ok.get("ok").asBoolean(), ok.toString());

            CliRun run = running.get(60, TimeUnit.SECONDS);
            assertEquals(0, run.exitCode(), run.err());
            JsonNode config = sub.await(r -> r.topic().endsWith("/config"), 2, 5_000).getLast().json();
            assertEquals(tokenFile.toString(), config.at("/broker/commands/token-file").asText(),
                    "the retained config names the file, never its content");
            assertFalse(config.toString().contains(TOKEN), config.toString());
        }
    }

    @Test
    void refusedCommandsChangeNothingAndAValidOneTakesEffect(@TempDir Path tmp) throws Exception {
        try (Mosquitto broker = Mosquitto.plain(Files.createDirectories(tmp.resolve("broker")), false);
             Subscriber sub = new Subscriber(broker.url(), "vigil/#", false)) {
            Path cfg = TestConfigs.write(tmp, "vigil.yaml", "", tmp.resolve("outbox"), "",
                    "commands: {enabled: true, token: " + TOKEN + "}");
            CompletableFuture<CliRun> running = CliRun.startAndAwait("vigil: replaying", "replay",
                    TestPaths.demoLog().toString(), "--speed", "1", "--config", cfg.toString(), "--broker", broker.url());
            String set = "vigil/vigil-demo/config/set";
            List<String[]> refused = List.of(
                    new String[]{"this is not json", "malformed command"},
                    new String[]{"{\"id\":\"2\",\"token\":\"wrong\",\"set\":{\"sensors.audio.enabled\":false}}", "unauthorised"},
                    new String[]{"{\"id\":\"3\",\"set\":{\"sensors.audio.enabled\":false}}", "unauthorised"},
                    new String[]{"{\"id\":\"4\",\"token\":\"" + TOKEN + "\",\"set\":{\"sensors.audio.bogus\":1}}", "unknown key 'sensors.audio.bogus'"},
                    new String[]{"{\"id\":\"5\",\"token\":\"" + TOKEN + "\",\"set\":{\"sensors.audio.enabled\":false,"
                            + "\"sensors.dvs.wake.on-spikes\":0}}", "sensors.dvs.wake.on-spikes = 0 is refused: must be between 1 and"},
                    new String[]{"{\"id\":\"6\",\"token\":\"" + TOKEN + "\",\"set\":{\"sensors.audio.wake.on-spikes\":\"high\"}}", "is refused: expected"},
                    new String[]{"{\"id\":\"7\",\"token\":\"" + TOKEN + "\",\"set\":{\"broker.qos\":0}}", "cannot change while Vigil runs"},
                    new String[]{"{\"id\":\"8\",\"token\":\"" + TOKEN + "\"}", "expected a 'set' object"});
            int replies = 0;
            for (String[] r : refused) {
                sub.publish(set, r[0]);
                List<Subscriber.Received> got = sub.await("/config/reply", ++replies, 5_000);
                assertEquals(replies, got.size(), "a reply to " + r[0]);
                JsonNode reply = got.getLast().json();
                assertFalse(reply.get("ok").asBoolean(), reply.toString());
                assertTrue(reply.get("error").asText().contains(r[1]), reply + " should say " + r[1]);
            }
            sub.publish(set, "{\"id\":\"9\",\"token\":\"" + TOKEN + "\",\"set\":{\"sensors\":{\"vibration\":{\"enabled\":false}}}}");
            JsonNode ok = sub.await("/config/reply", ++replies, 5_000).getLast().json();
            assertTrue(ok.get("ok").asBoolean(), ok.toString());
            assertEquals("9", ok.get("id").asText());
            assertFalse(ok.at("/applied/sensors.vibration.enabled").asBoolean(true), ok.toString());

            CliRun run = running.get(60, TimeUnit.SECONDS);
            assertEquals(0, run.exitCode(), run.err());
            List<String> sensors = run.jsonLines().stream().map(l -> l.replaceAll(".*\"sensor\":\"(\\w+)\".*", "$1")).toList();
            assertEquals(List.of("dvs", "audio"), sensors,
                    "audio still wakes (the half-valid command 5 changed nothing), vibration was switched off in time");
            JsonNode config = sub.await(r -> r.topic().endsWith("/config"), 2, 5_000).getLast().json();
            assertFalse(config.at("/sensors/vibration/enabled").asBoolean(true), config.toString());
            assertTrue(config.at("/sensors/audio/enabled").asBoolean(false));
            assertEquals(6, config.at("/sensors/audio/wake/on-spikes").asInt());
            assertEquals("***", config.at("/broker/commands/token").asText(), "the token is not published");
        }
    }
}
