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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A fleet on brokers people already run (docs/fleet.md): 20 Vigil devices publish to a site
 * Mosquitto bridged to a central Mosquitto, where two back-end consumers share one MQTT 5 shared
 * subscription. Together they receive every detection of every device exactly once, each under its
 * device's topics, and the central broker holds each device's retained status.
 */
class FleetOverBridgeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int DEVICES = 20;
    private static final String SHARED = "$share/backend/vigil/+/detections/#";

    /** One message a consumer received. */
    private record Got(int consumer, String topic, String device, String id) {
    }

    /** A back-end consumer: an MQTT 5 client in the shared subscription group. */
    private static MqttClient consumer(String url, int n, List<Got> into) throws MqttException {
        MqttClient c = new MqttClient(url, "backend-" + n, new MemoryPersistence());
        c.setCallback(new MqttCallback() {
            @Override
            public void messageArrived(String topic, MqttMessage message) throws IOException {
                JsonNode j = JSON.readTree(new String(message.getPayload(), StandardCharsets.UTF_8));
                synchronized (into) {
                    into.add(new Got(n, topic, j.get("device").asText(), j.get("id").asText()));
                    into.notifyAll();
                }
            }

            @Override
            public void disconnected(MqttDisconnectResponse response) {
            }

            @Override
            public void mqttErrorOccurred(MqttException exception) {
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
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setCleanStart(true);
        c.connect(o);
        c.subscribe(SHARED, 1);
        return c;
    }

    @Test
    void twentyDevicesThroughABridgeReachTwoSharedConsumersExactlyOnce(@TempDir Path tmp) throws Exception {
        try (Mosquitto central = Mosquitto.plain(Files.createDirectories(tmp.resolve("central")), false);
             Mosquitto site = Mosquitto.bridgedTo(Files.createDirectories(tmp.resolve("site")), central, "vigil/#")) {
            awaitBridge(site, central);
            List<Got> got = new ArrayList<>();
            MqttClient a = consumer(central.url(), 1, got);
            MqttClient b = consumer(central.url(), 2, got);
            Map<String, List<String>> expected = new HashMap<>();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<CompletableFuture<CliRun>> runs = new ArrayList<>();
                for (int i = 1; i <= DEVICES; i++) {
                    String device = String.format(Locale.ROOT, "edge-%02d", i);
                    Path cfg = TestConfigs.write(tmp, device + ".yaml", "device-id: " + device + "\n" + TestConfigs.MANY_DETECTIONS,
                            tmp.resolve("outbox-" + device), "");
                    runs.add(CompletableFuture.supplyAsync(() -> CliRun.run("replay", TestPaths.demoLog().toString(), "--max",
                            "--config", cfg.toString(), "--broker", site.url()), pool));
                }
                for (int i = 0; i < DEVICES; i++) {
                    CliRun run = runs.get(i).join();
                    assertEquals(0, run.exitCode(), run.err());
                    expected.put(String.format(Locale.ROOT, "edge-%02d", i + 1), TestConfigs.ids(run));
                }
            } finally {
                pool.shutdownNow();
            }
            int total = expected.values().stream().mapToInt(List::size).sum();
            assertTrue(total >= DEVICES * 10, "the test config makes dozens of detections per device: " + total);
            synchronized (got) {
                long deadline = System.currentTimeMillis() + 30_000;
                while (got.size() < total && System.currentTimeMillis() < deadline) {
                    got.wait(500);
                }
            }
            Thread.sleep(500);
            a.disconnect();
            b.disconnect();

            List<Got> all;
            synchronized (got) {
                all = List.copyOf(got);
            }
            Set<String> seen = new HashSet<>();
            for (Got g : all) {
                assertTrue(seen.add(g.device() + "/" + g.id()), "received twice: " + g);
                assertTrue(g.topic().startsWith("vigil/" + g.device() + "/detections/"), "under its device's topics: " + g);
            }
            for (Map.Entry<String, List<String>> e : expected.entrySet()) {
                Set<String> ids = all.stream().filter(g -> g.device().equals(e.getKey())).map(Got::id).collect(Collectors.toSet());
                assertEquals(Set.copyOf(e.getValue()), ids, "every detection of " + e.getKey() + ", no other");
            }
            assertEquals(total, all.size(), "each detection exactly once across the group");
            long first = all.stream().filter(g -> g.consumer() == 1).count();
            assertTrue(first > 0 && first < total, "the group shares the load: consumer 1 got " + first + " of " + total);

            try (Subscriber status = new Subscriber(central.url(), "vigil/+/status", false)) {
                List<Subscriber.Received> retained = status.await(r -> r.retained(), DEVICES, 5_000);
                assertEquals(DEVICES, retained.stream().map(Subscriber.Received::topic).distinct().count(),
                        "the central broker keeps every device's retained status: " + retained);
                assertTrue(retained.stream().allMatch(r -> r.payload().equals("offline")), "each closed cleanly: " + retained);
            }
        }
    }

    /** Waits until a message published on the site broker reaches the central one. */
    private static void awaitBridge(Mosquitto site, Mosquitto central) throws Exception {
        try (Subscriber probe = new Subscriber(central.url(), "vigil/bridge-probe", false);
             Subscriber publisher = new Subscriber(site.url(), "vigil/bridge-probe", false)) {
            long deadline = System.currentTimeMillis() + 10_000;
            while (System.currentTimeMillis() < deadline) {
                publisher.publish("vigil/bridge-probe", "up");
                if (!probe.await(r -> true, 1, 200).isEmpty()) {
                    return;
                }
            }
            throw new AssertionError("the bridge did not connect within 10 s: " + Files.readString(site.log()));
        }
    }
}
