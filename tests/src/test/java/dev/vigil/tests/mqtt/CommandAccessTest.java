package dev.vigil.tests.mqtt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.tests.CliRun;
import dev.vigil.tests.TestPaths;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who may reconfigure a device over MQTT: nobody on the packaged defaults, only a token holder when
 * commands are switched on, and replies go only under the device's own topic tree, never echoing a
 * large id. The demo log, replayed in real time, wakes dvs at 1.55 s, audio at 3.05 s and vibration at
 * 4.45 s; commands are sent in its first second.
 */
class CommandAccessTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ALL_OFF =
            "{\"set\":{\"sensors.dvs.enabled\":false,\"sensors.audio.enabled\":false,\"sensors.vibration.enabled\":false}}";

    private static List<String> sensors(CliRun run) {
        return run.jsonLines().stream().map(l -> l.replaceAll(".*\"sensor\":\"(\\w+)\".*", "$1")).toList();
    }

    /** The packaged config file with its outbox moved to {@code outbox}. */
    private static Path packagedConfig(Path dir, Path outbox) throws Exception {
        String packaged = Files.readString(TestPaths.root().resolve("boards/src/deb/etc/vigil.yaml"));
        assertTrue(packaged.contains("dir: /var/lib/vigil/outbox"), packaged);
        Path cfg = dir.resolve("packaged.yaml");
        Files.writeString(cfg, packaged.replace("dir: /var/lib/vigil/outbox", "dir: \"" + outbox + "\""));
        return cfg;
    }

    @Test
    void anAnonymousUserCannotReconfigureThePackagedDefaults(@TempDir Path tmp) throws Exception {
        try (Mosquitto broker = Mosquitto.plain(Files.createDirectories(tmp.resolve("broker")), false);
             Subscriber anonymous = new Subscriber(broker.url(), "vigil/#", false)) {
            for (Path cfg : List.of(packagedConfig(tmp, tmp.resolve("outbox")), tmp.resolve("no-config"))) {
                List<String> args = new java.util.ArrayList<>(List.of("replay", TestPaths.demoLog().toString(), "--speed", "1",
                        "--broker", broker.url()));
                if (Files.exists(cfg)) {
                    args.addAll(List.of("--config", cfg.toString()));
                }
                String device = Files.exists(cfg) ? "vigil-1" : "vigil-demo";
                CompletableFuture<CliRun> running = CliRun.startAndAwait("vigil: replaying", args.toArray(String[]::new));
                anonymous.publish("vigil/" + device + "/config/set", ALL_OFF);
                CliRun run = running.get(60, TimeUnit.SECONDS);
                assertEquals(0, run.exitCode(), run.err());
                assertEquals(List.of("dvs", "audio", "vibration"), sensors(run),
                        (Files.exists(cfg) ? "the packaged config" : "the built-in defaults") + ": every sensor stays on");
                assertTrue(anonymous.await("/config/reply", 1, 500).isEmpty(), "commands are not even listened to");
            }
        }
    }

    @Test
    void commandsSwitchedOnWithoutATokenRefuseToStart(@TempDir Path tmp) throws Exception {
        try (Mosquitto broker = Mosquitto.plain(Files.createDirectories(tmp.resolve("broker")), false)) {
            Path cfg = TestConfigs.write(tmp, "vigil.yaml", "", tmp.resolve("outbox"), "", "commands: {enabled: true}");
            CliRun run = CliRun.run("replay", TestPaths.demoLog().toString(), "--max", "--config", cfg.toString(),
                    "--broker", broker.url());
            assertEquals(1, run.exitCode(), run.err());
            String err = run.err().strip();
            assertEquals(1, err.lines().count(), err);
            assertTrue(err.contains("broker.commands.token"), err);
            assertTrue(run.jsonLines().isEmpty());
        }
    }

    @Test
    void repliesStayUnderTheDevicesTreeAndALargeIdIsNotEchoed(@TempDir Path tmp) throws Exception {
        try (Mosquitto broker = Mosquitto.plain(Files.createDirectories(tmp.resolve("broker")), false)) {
            Path cfg = TestConfigs.write(tmp, "vigil.yaml", "", tmp.resolve("outbox"), "", "commands: {enabled: true, token: s3cret}");
            CompletableFuture<CliRun> running = CliRun.startAndAwait("vigil: replaying", "replay",
                    TestPaths.demoLog().toString(), "--speed", "1", "--config", cfg.toString(), "--broker", broker.url());
            MqttClient client = new MqttClient(broker.url(), "operator", new MemoryPersistence());
            LinkedBlockingQueue<String[]> replies = new LinkedBlockingQueue<>();
            try {
                client.setCallback(new MqttCallback() {
                    @Override
                    public void disconnected(MqttDisconnectResponse response) {
                    }

                    @Override
                    public void mqttErrorOccurred(MqttException exception) {
                    }

                    @Override
                    public void messageArrived(String topic, MqttMessage message) {
                        replies.add(new String[]{topic, new String(message.getPayload(), StandardCharsets.UTF_8)});
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
                client.connect(new MqttConnectionOptions());
                client.subscribe("ops/#", 1);
                client.subscribe("vigil/vigil-demo/config/reply", 1);

                MqttMessage outside = new MqttMessage(("{\"id\":\"out-1\",\"token\":\"s3cret\",\"set\":{\"sensors.dvs.enabled\":false}}")
                        .getBytes(StandardCharsets.UTF_8));
                MqttProperties p = new MqttProperties();
                p.setResponseTopic("ops/replies/42");
                outside.setProperties(p);
                client.publish("vigil/vigil-demo/config/set", outside);
                String[] refused = replies.poll(5, TimeUnit.SECONDS);
                assertNotNull(refused, "the refusal is answered");
                assertEquals("vigil/vigil-demo/config/reply", refused[0], "not on the foreign response topic");
                JsonNode r = JSON.readTree(refused[1]);
                assertFalse(r.get("ok").asBoolean(), r.toString());
                assertTrue(r.get("error").asText().contains("ops/replies/42"), r.toString());

                String bigId = "x".repeat(10_000);
                client.publish("vigil/vigil-demo/config/set", new MqttMessage(("{\"id\":\"" + bigId
                        + "\",\"token\":\"s3cret\",\"set\":{\"sensors.dvs.wake.on-spikes\":10}}").getBytes(StandardCharsets.UTF_8)));
                String[] answered = replies.poll(5, TimeUnit.SECONDS);
                assertNotNull(answered, "the command with a large id is answered");
                assertTrue(answered[1].length() < 1000, "the id is not echoed: " + answered[1].length() + " characters");
                JsonNode a = JSON.readTree(answered[1]);
                assertTrue(a.get("ok").asBoolean(), a.toString());
                assertNull(a.get("id"), a.toString());
                assertNull(replies.poll(500, TimeUnit.MILLISECONDS), "nothing else was sent");
            } finally {
                client.disconnect();
                client.close();
            }
            CliRun run = running.get(60, TimeUnit.SECONDS);
            assertEquals(0, run.exitCode(), run.err());
            assertEquals(List.of("dvs", "audio", "vibration"), sensors(run), "the command with a foreign response topic changed nothing");
        }
    }
}
