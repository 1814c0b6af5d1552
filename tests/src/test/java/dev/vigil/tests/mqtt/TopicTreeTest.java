package dev.vigil.tests.mqtt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.tests.CliRun;
import dev.vigil.tests.TestPaths;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole topic tree as a subscriber on a real Mosquitto sees it, and MQTT 5 request/response. */
class TopicTreeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyTopicClassArrivesWithItsPayload(@TempDir Path tmp) throws Exception {
        try (Mosquitto broker = Mosquitto.plain(Files.createDirectories(tmp.resolve("broker")), false);
             Subscriber sub = new Subscriber(broker.url(), "#", false)) {
            Path cfg = TestConfigs.write(tmp, "vigil.yaml", "", tmp.resolve("outbox"), "");
            Files.writeString(cfg, Files.readString(cfg).replace("home-assistant: {enabled: false}", "home-assistant: {enabled: true}"));
            CliRun run = CliRun.run("replay", TestPaths.demoLog().toString(), "--speed", "3", "--config", cfg.toString(),
                    "--broker", broker.url());
            assertEquals(0, run.exitCode(), run.err());
            assertTrue(run.err().contains("MQTT 5"), run.err());

            List<Subscriber.Received> status = sub.await("vigil/vigil-demo/status", 2, 5_000);
            assertEquals(List.of("online", "offline"), status.stream().map(Subscriber.Received::payload).toList());

            JsonNode config = sub.await(r -> r.topic().equals("vigil/vigil-demo/config"), 1, 5_000).getFirst().json();
            assertEquals(10, config.at("/sensors/dvs/wake/on-spikes").asInt(), "the default");
            assertEquals(broker.url(), config.at("/broker/url").asText());

            List<Subscriber.Received> discovery = sub.await(r -> r.topic().startsWith("homeassistant/sensor/"), 3, 5_000);
            assertEquals(Set.of("homeassistant/sensor/vigil-demo/dvs/config", "homeassistant/sensor/vigil-demo/audio/config",
                    "homeassistant/sensor/vigil-demo/vibration/config"),
                    discovery.stream().map(Subscriber.Received::topic).collect(Collectors.toSet()));
            JsonNode ha = discovery.stream().filter(r -> r.topic().contains("/audio/")).findFirst().orElseThrow().json();
            assertEquals("vigil/vigil-demo/detections/audio", ha.get("state_topic").asText());
            assertEquals("vigil/vigil-demo/status", ha.get("availability_topic").asText());
            assertEquals("vigil_vigil-demo_audio", ha.get("unique_id").asText());

            List<Subscriber.Received> detections = sub.await("/detections/", 3, 5_000);
            assertEquals(List.of(), sub.await(r -> r.topic().contains("/events/") || (!r.payload().isEmpty()
                    && (r.topic().startsWith("homeassistant/event/") || r.topic().startsWith("homeassistant/binary_sensor/"))), 0, 0),
                    "events are off by default: no event message and no event entity announced");
            assertEquals(TestConfigs.ids(run), detections.stream().map(r -> r.json().get("id").asText()).toList());
            for (Subscriber.Received d : detections) {
                JsonNode j = d.json();
                assertEquals(1, j.get("schema").asInt());
                assertTrue(j.get("energy_j").asDouble() > 0, "a positive energy estimate: " + j);
                assertTrue(j.get("wall_time").asText().endsWith("Z"), j.toString());
            }

            List<Subscriber.Received> metrics = sub.await("vigil/vigil-demo/metrics", 2, 5_000);
            assertTrue(metrics.size() >= 2, "at connection and every second over a 2 s run: " + metrics.size());
            JsonNode last = metrics.getLast().json();
            assertEquals(1, last.get("schema").asInt());
            assertTrue(last.at("/lanes/audio/windows").asLong() > 0, "a lane whose encoder is silent still judges windows: " + last);
            assertTrue(last.at("/heap/used_bytes").asLong() > 0);
            assertTrue(last.at("/outbox/depth").isNumber() && last.at("/outbox/dropped_full").asLong() == 0);
            assertEquals("5", last.at("/mqtt/protocol").asText());
        }
    }

    @Test
    void mqtt5CommandsAreAnsweredOnTheirResponseTopicWithCorrelationData(@TempDir Path tmp) throws Exception {
        try (Mosquitto broker = Mosquitto.plain(Files.createDirectories(tmp.resolve("broker")), false)) {
            Path cfg = TestConfigs.write(tmp, "vigil.yaml", "", tmp.resolve("outbox"), "", "commands: {enabled: true, token: t0k}");
            CompletableFuture<CliRun> running = CliRun.startAndAwait("vigil: replaying", "replay",
                    TestPaths.demoLog().toString(), "--speed", "3", "--config", cfg.toString(), "--broker", broker.url());
            MqttClient client = new MqttClient(broker.url(), "operator", new MemoryPersistence());
            try {
                client.connect(new MqttConnectionOptions());
                BlockingQueue<MqttMessage> replies = new ArrayBlockingQueue<>(4);
                client.setCallback(new MqttCallback() {
                    @Override
                    public void disconnected(MqttDisconnectResponse response) {
                    }

                    @Override
                    public void mqttErrorOccurred(MqttException exception) {
                    }

                    @Override
                    public void messageArrived(String topic, MqttMessage message) {
                        replies.add(message);
                    }

                    @Override
                    public void deliveryComplete(IMqttToken token) {
                    }

                    @Override
                    public void connectComplete(boolean reconnect, String serverURI) {
                    }

                    @Override
                    public void authPacketArrived(int reasonCode, MqttProperties properties) {
                    }
                });
                client.subscribe("vigil/vigil-demo/config/reply/ops-42", 1);
                MqttMessage cmd = new MqttMessage("{\"token\":\"t0k\",\"set\":{\"sensors.dvs.wake.on-spikes\":61}}"
                        .getBytes(StandardCharsets.UTF_8));
                cmd.setQos(1);
                MqttProperties p = new MqttProperties();
                p.setResponseTopic("vigil/vigil-demo/config/reply/ops-42");
                p.setCorrelationData(new byte[]{4, 2});
                cmd.setProperties(p);
                client.publish("vigil/vigil-demo/config/set", cmd);
                MqttMessage reply = replies.poll(5, TimeUnit.SECONDS);
                assertNotNull(reply, "a reply on the response topic");
                assertArrayEquals(new byte[]{4, 2}, reply.getProperties().getCorrelationData());
                JsonNode r = JSON.readTree(reply.getPayload());
                assertTrue(r.get("ok").asBoolean(), r.toString());
                assertEquals(61, r.at("/applied/sensors.dvs.wake.on-spikes").asInt());
            } finally {
                client.disconnect();
                client.close();
            }
            assertEquals(0, running.get(60, TimeUnit.SECONDS).exitCode());
        }
    }
}
