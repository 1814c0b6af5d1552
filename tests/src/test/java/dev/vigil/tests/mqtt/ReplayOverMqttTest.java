package dev.vigil.tests.mqtt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.runtime.mqtt.EmbeddedBroker;
import dev.vigil.tests.CliRun;
import dev.vigil.tests.TestPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Replays the bundled log and checks that what an independent subscriber receives over MQTT equals
 * what the command printed: same count, same order, same payloads, on the right topics. The
 * subscriber keeps a persistent QoS 1 session and reconnects by itself, so a connection dropped under
 * load delays messages instead of losing them.
 */
class ReplayOverMqttTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static void assertSameDetections(List<String> printed, List<Subscriber.Received> arrived) throws Exception {
        assertTrue(printed.size() >= 3, "the demo log holds at least one event per sensor, got " + printed);
        assertEquals(printed.size(), arrived.size(), "detections printed vs received over MQTT");
        for (int i = 0; i < printed.size(); i++) {
            JsonNode p = JSON.readTree(printed.get(i));
            ObjectNode m = (ObjectNode) JSON.readTree(arrived.get(i).payload());
            assertTrue(m.hasNonNull("wall_time"), "MQTT payload carries the wall time");
            assertTrue(m.has("energy_j"), "MQTT payload carries the energy estimate");
            JsonNode e = m.path("energy");
            assertEquals(m.path("energy_j").asDouble(), e.path("front_dynamic_j").asDouble() + e.path("front_static_j").asDouble(),
                    1e-12, "energy_j is the front end's parts: " + e);
            assertTrue(e.path("front_static_j").asDouble() > 0, "the front end's static power is counted: " + e);
            assertTrue(e.path("encoder_cpu_s").asDouble() > 0, "the encoder's CPU time is counted: " + e);
            assertTrue(e.path("dense_cpu_s").asDouble() > 0, "the dense runs' CPU time is counted: " + e);
            m.remove(List.of("wall_time", "energy_j", "energy"));
            assertEquals(p, m, "detection " + i + " differs between stdout and MQTT (beyond wall_time, energy_j, energy)");
            assertEquals("vigil/vigil-demo/detections/" + p.get("sensor").asText(), arrived.get(i).topic());
            for (String field : List.of("schema", "id", "sensor", "label", "score", "device_time_us", "wake_reason")) {
                assertTrue(m.hasNonNull(field), "payload field " + field + " missing");
            }
        }
    }

    @Test
    void embeddedMoquetteReceivesWhatWasPrinted() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start();
             Subscriber recorder = new Subscriber(broker.url(), "vigil/#", true)) {
            CliRun run = CliRun.run("replay", TestPaths.demoLog().toString(), "--max", "--broker", broker.url());
            assertEquals(0, run.exitCode(), run.err());
            List<String> printed = run.jsonLines();
            assertSameDetections(printed, recorder.await("/detections/", printed.size(), 10_000));
            List<Subscriber.Received> status = recorder.await("/status", 2, 10_000);
            assertEquals("online", status.getFirst().payload());
            assertEquals("offline", status.getLast().payload());
        }
    }

    @Test
    void realMosquittoReceivesWhatWasPrinted(@TempDir Path dir) throws Exception {
        try (Mosquitto mosquitto = Mosquitto.plain(dir, false);
             Subscriber recorder = new Subscriber(mosquitto.url(), "vigil/#", true)) {
            CliRun run = CliRun.run("replay", TestPaths.demoLog().toString(), "--max", "--broker", mosquitto.url());
            assertEquals(0, run.exitCode(), run.err());
            List<String> printed = run.jsonLines();
            assertSameDetections(printed, recorder.await("/detections/", printed.size(), 10_000));
        }
    }

    /**
     * The default path: no broker given, the command starts its own embedded broker and prints its
     * URL. Replaying at 2x recorded speed leaves time to subscribe before the first detection.
     */
    @Test
    void defaultEmbeddedBrokerIsStartedAndPrinted() throws Exception {
        CountDownLatch announced = new CountDownLatch(1);
        StringBuilder seen = new StringBuilder();
        Pattern url = Pattern.compile("embedded MQTT broker listening on (tcp://127\\.0\\.0\\.1:\\d+)");
        String[] found = new String[1];
        Writer tap = new StringWriter() {
            @Override
            public void write(char[] buf, int off, int len) {
                synchronized (seen) {
                    seen.append(buf, off, len);
                    Matcher m = url.matcher(seen);
                    if (found[0] == null && m.find()) {
                        found[0] = m.group(1);
                        announced.countDown();
                    }
                }
            }
        };
        CompletableFuture<CliRun> running = CompletableFuture.supplyAsync(
                () -> CliRun.run(tap, "replay", TestPaths.demoLog().toString(), "--speed", "2"));
        assertTrue(announced.await(20, TimeUnit.SECONDS), "the broker URL was not printed: " + seen);
        // a clean session without auto-reconnect: this broker stops with the command, by design
        try (Subscriber recorder = new Subscriber(found[0], "vigil/#", false)) {
            CliRun run = running.get(60, TimeUnit.SECONDS);
            assertEquals(0, run.exitCode(), run.err());
            assertSameDetections(run.jsonLines(), recorder.await("/detections/", run.jsonLines().size(), 5_000));
        }
    }
}
