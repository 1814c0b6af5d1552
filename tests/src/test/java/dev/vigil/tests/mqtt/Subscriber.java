package dev.vigil.tests.mqtt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * An independent Paho client that records every message under a filter, in arrival order. With a
 * persistent session it reconnects by itself after a broker restart and the broker keeps its QoS 1
 * messages meanwhile.
 */
final class Subscriber implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One received message. */
    record Received(String topic, String payload, boolean retained) {
        JsonNode json() {
            try {
                return JSON.readTree(payload);
            } catch (IOException e) {
                throw new AssertionError("not JSON on " + topic + ": " + payload, e);
            }
        }
    }

    private final MqttClient client;
    private final List<Received> received = new ArrayList<>();

    Subscriber(String url, String filter, boolean persistentSession) throws MqttException {
        client = new MqttClient(url, "subscriber-" + UUID.randomUUID(), new MemoryPersistence());
        client.setCallback(new MqttCallbackExtended() {
            @Override
            public void connectComplete(boolean reconnect, String serverURI) {
            }

            @Override
            public void connectionLost(Throwable cause) {
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                synchronized (received) {
                    received.add(new Received(topic, new String(message.getPayload(), StandardCharsets.UTF_8), message.isRetained()));
                    received.notifyAll();
                }
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
            }
        });
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(!persistentSession);
        o.setAutomaticReconnect(persistentSession);
        o.setMaxReconnectDelay(500);
        o.setConnectionTimeout(10);
        try {
            client.connect(o);
        } catch (MqttException e) {
            throw new IllegalStateException("subscriber could not connect: " + e, e);
        }
        subscribe(filter, o);
    }

    /**
     * Subscribes, connecting again when the broker dropped the connection between its CONNACK and the
     * SUBSCRIBE (seen twice in 2026-12 from an embedded Moquette started a moment before, never from
     * Mosquitto); up to three attempts, any other failure at once.
     */
    private void subscribe(String filter, MqttConnectOptions o) {
        for (int attempt = 1; ; attempt++) {
            try {
                if (!client.isConnected()) {
                    client.connect(o);
                }
                client.subscribe(filter, 1);
                return;
            } catch (MqttException e) {
                boolean dropped = e.getReasonCode() == MqttException.REASON_CODE_CONNECTION_LOST
                        || e.getReasonCode() == MqttException.REASON_CODE_CLIENT_NOT_CONNECTED
                        || e.getReasonCode() == MqttException.REASON_CODE_CONNECT_IN_PROGRESS;
                if (!dropped || attempt == 3) {
                    throw new IllegalStateException("subscriber could not subscribe: " + e, e);
                }
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while subscribing", e);
        }
    }

    /** Publishes {@code payload} to {@code topic} at QoS 1. */
    void publish(String topic, String payload) throws MqttException {
        client.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, false);
    }

    /** Messages matching {@code which}, waiting up to {@code timeoutMs} for at least {@code count}. */
    List<Received> await(Predicate<Received> which, int count, long timeoutMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        synchronized (received) {
            while (true) {
                List<Received> matching = received.stream().filter(which).toList();
                long left = deadline - System.currentTimeMillis();
                if (matching.size() >= count || left <= 0) {
                    return matching;
                }
                received.wait(left);
            }
        }
    }

    /** Messages whose topic contains {@code part}. */
    List<Received> await(String part, int count, long timeoutMs) throws InterruptedException {
        return await(r -> r.topic().contains(part), count, timeoutMs);
    }

    /** Detection ids in arrival order, each kept at its first arrival. */
    List<String> distinctDetectionIds() {
        Set<String> ids = new LinkedHashSet<>();
        synchronized (received) {
            for (Received r : received) {
                if (r.topic().contains("/detections/")) {
                    ids.add(r.json().get("id").asText());
                }
            }
        }
        return List.copyOf(ids);
    }

    /** Distinct detection ids, waiting up to {@code timeoutMs} for at least {@code count} of them. */
    List<String> awaitDistinctDetectionIds(int count, long timeoutMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        List<String> ids = distinctDetectionIds();
        while (ids.size() < count && System.currentTimeMillis() < deadline) {
            await(r -> false, 1, 50);
            ids = distinctDetectionIds();
        }
        return ids;
    }

    /** Detection messages received, counting duplicates. */
    long detectionMessages() {
        synchronized (received) {
            return received.stream().filter(r -> r.topic().contains("/detections/")).count();
        }
    }

    @Override
    public void close() throws MqttException {
        try {
            if (client.isConnected()) {
                client.disconnect();
            }
        } catch (MqttException e) {
            // Paho reports "connection lost" when the broker closes the socket on reading DISCONNECT
            // before Paho finishes: the client is disconnected all the same.
            if (e.getReasonCode() != MqttException.REASON_CODE_CONNECTION_LOST) {
                throw e;
            }
        }
        // forced: when the broker has gone (e.g. the command's own embedded broker) the client may be
        // in the middle of an automatic reconnect
        client.close(true);
    }
}
