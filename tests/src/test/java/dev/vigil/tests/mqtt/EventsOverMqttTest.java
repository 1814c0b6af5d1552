package dev.vigil.tests.mqtt;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.tests.CliRun;
import dev.vigil.tests.TestPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Event start and end messages over a real Mosquitto that is stopped mid-replay and started again:
 * they travel through the outbox like detections, so every event that started also ends, under the
 * same id, and every detection belongs to exactly one event, each event with its clip on disk. Home
 * Assistant discovery announces an {@code event} entity and a {@code binary_sensor} per lane.
 */
class EventsOverMqttTest {
    private static final String EVENTS = TestConfigs.MANY_DETECTIONS + """
            events:
              enabled: true
              end-after-windows: 3
              ha-off-delay-s: 120
              clips: {enabled: true, dir: "%s", pre-ms: 200}
            """;

    @Test
    void everyStartHasItsEndAcrossABrokerOutage(@TempDir Path tmp) throws Exception {
        try (Mosquitto broker = Mosquitto.plain(Files.createDirectories(tmp.resolve("broker")), true);
             Subscriber sub = new Subscriber(broker.url(), "#", true)) {
            Path clips = tmp.resolve("clips");
            Path cfg = TestConfigs.write(tmp, "vigil.yaml", EVENTS.formatted(clips), tmp.resolve("outbox"), "",
                    "home-assistant: {enabled: true}");
            CompletableFuture<CliRun> running = CompletableFuture.supplyAsync(() -> CliRun.run("replay",
                    TestPaths.demoLog().toString(), "--speed", "1", "--config", cfg.toString(), "--broker", broker.url()));
            sub.await("/events/", 3, 20_000);
            broker.stop();
            long before = sub.await("/events/", 0, 0).size();
            Thread.sleep(2000);
            broker.start();
            CliRun run = running.get(90, TimeUnit.SECONDS);
            assertEquals(0, run.exitCode(), run.err());
            assertTrue(run.err().contains("(detections and events) delivered"), run.err());
            List<String> printed = TestConfigs.ids(run);
            assertEquals(printed, sub.awaitDistinctDetectionIds(printed.size(), 20_000), "every detection arrives");

            Map<String, JsonNode> starts = new LinkedHashMap<>();
            Map<String, JsonNode> ends = new LinkedHashMap<>();
            long deadline = System.currentTimeMillis() + 20_000;
            long detectionsInEvents;
            do {
                starts.clear();
                ends.clear();
                for (Subscriber.Received r : sub.await("/events/", 0, 0)) {
                    JsonNode j = r.json();
                    assertEquals("vigil/vigil-demo/events/" + j.get("sensor").asText(), r.topic());
                    String id = j.get("id").asText();
                    if (j.get("event_type").asText().equals("start")) {
                        starts.putIfAbsent(id, j);
                    } else {
                        assertTrue(starts.containsKey(id), "the start of " + id + " arrived before its end");
                        ends.putIfAbsent(id, j);
                    }
                }
                detectionsInEvents = ends.values().stream().mapToLong(e -> e.get("detections").asLong()).sum();
                if (detectionsInEvents == printed.size() && ends.size() == starts.size()) {
                    break;
                }
                Thread.sleep(100);
            } while (System.currentTimeMillis() < deadline);

            assertTrue(before >= 3 && before < starts.size() + ends.size(),
                    "the outage fell mid-run: " + before + " of " + (starts.size() + ends.size()) + " event messages had arrived");
            assertTrue(starts.size() >= 5, "the demo log makes several events: " + starts.size());
            assertEquals(starts.keySet(), ends.keySet(), "every start has an end, under the same id");
            assertEquals(printed.size(), detectionsInEvents, "every detection belongs to exactly one event");
            Set<String> printedIds = new HashSet<>(printed);
            for (JsonNode s : starts.values()) {
                assertTrue(printedIds.contains(s.get("detection_id").asText()), "an event starts at a printed detection: " + s);
                JsonNode e = ends.get(s.get("id").asText());
                assertEquals(s.get("label"), e.get("label"));
                assertEquals(s.get("start_us").asLong(), e.get("start_us").asLong());
                assertTrue(e.get("end_us").asLong() >= s.get("device_time_us").asLong(), e.toString());
                assertTrue(e.get("peak_score").asDouble() >= s.get("score").asDouble(), e.toString());
                assertTrue(e.get("windows").asLong() >= 1 && e.get("duration_s").asDouble() >= 0, e.toString());
                Path clip = Path.of(e.get("clip").asText());
                assertEquals(clips, clip.getParent(), "the clip is in events.clips.dir: " + e);
                assertTrue(Files.size(clip) > 0, "the clip was written: " + clip);
                String ext = Map.of("audio", ".wav", "vibration", ".csv", "dvs", ".vlog").get(e.get("sensor").asText());
                assertEquals(e.get("sensor").asText() + "-" + e.get("id").asText() + ext, clip.getFileName().toString());
            }

            for (String sensor : List.of("dvs", "audio", "vibration")) {
                JsonNode event = discovery(sub, "homeassistant/event/vigil-demo/" + sensor + "/config");
                assertEquals("vigil/vigil-demo/events/" + sensor, event.get("state_topic").asText());
                assertEquals(2, event.get("event_types").size(), "event types: " + event.get("event_types"));
                assertEquals("start", event.get("event_types").get(0).asText());
                assertEquals("end", event.get("event_types").get(1).asText());
                assertEquals("vigil/vigil-demo/status", event.get("availability_topic").asText());
                assertEquals("vigil_vigil-demo_" + sensor + "_event", event.get("unique_id").asText());

                JsonNode binary = discovery(sub, "homeassistant/binary_sensor/vigil-demo/" + sensor + "/config");
                assertEquals("vigil/vigil-demo/events/" + sensor, binary.get("state_topic").asText());
                assertEquals("{{ 'ON' if value_json.event_type == 'start' else 'OFF' }}", binary.get("value_template").asText());
                assertEquals(120, binary.get("off_delay").asInt());
                assertEquals("vigil/vigil-demo/status", binary.get("availability_topic").asText());
                assertEquals("online", binary.get("payload_available").asText());
                assertEquals("offline", binary.get("payload_not_available").asText());
            }

            Path off = TestConfigs.write(Files.createDirectories(tmp.resolve("off")), "vigil.yaml", "", tmp.resolve("outbox-off"), "",
                    "home-assistant: {enabled: true}");
            CliRun quiet = CliRun.run("replay", TestPaths.demoLog().toString(), "--max", "--config", off.toString(),
                    "--broker", broker.url());
            assertEquals(0, quiet.exitCode(), quiet.err());
            try (Subscriber retained = new Subscriber(broker.url(), "homeassistant/#", false)) {
                List<Subscriber.Received> left = retained.await(r -> true, 9, 2_000);
                assertEquals(Set.of("homeassistant/sensor/vigil-demo/dvs/config", "homeassistant/sensor/vigil-demo/audio/config",
                                "homeassistant/sensor/vigil-demo/vibration/config"),
                        left.stream().map(Subscriber.Received::topic).collect(Collectors.toSet()),
                        "with events turned off, the event and binary_sensor entities are removed from the broker (waits 2 s for all 9 that were announced)");
            }
        }
    }

    private static JsonNode discovery(Subscriber sub, String topic) throws Exception {
        List<Subscriber.Received> r = sub.await(m -> m.topic().equals(topic), 1, 5_000);
        assertTrue(!r.isEmpty(), "no discovery message on " + topic);
        return r.getFirst().json();
    }
}
