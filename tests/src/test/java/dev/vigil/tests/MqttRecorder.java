package dev.vigil.tests;

import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * An independent Paho client that records, in arrival order, every message under a topic filter. Like
 * a consumer that must not miss detections, it keeps a persistent session (QoS 1, clean session off)
 * and reconnects by itself, so a dropped connection delays messages instead of losing them.
 */
final class MqttRecorder implements AutoCloseable {

    /** One received message. */
    record Received(String topic, String payload, boolean retained) {
    }

    private final MqttClient client;
    private final List<Received> received = new ArrayList<>();

    MqttRecorder(String url, String filter) throws MqttException {
        client = new MqttClient(url, "recorder-" + UUID.randomUUID(), new MemoryPersistence());
        client.setCallback(new MqttCallback() {
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
        o.setCleanSession(false);
        o.setAutomaticReconnect(true);
        o.setConnectionTimeout(10);
        try {
            client.connect(o);
        } catch (MqttException e) {
            throw new IllegalStateException("recorder could not connect to " + url + ": " + e, e);
        }
        try {
            client.subscribe(filter, 1);
        } catch (MqttException e) {
            throw new IllegalStateException("recorder could not subscribe to " + filter + " on " + url + ": " + e, e);
        }
    }

    /** Messages whose topic contains {@code part}, waiting up to {@code timeoutMs} for at least {@code count}. */
    List<Received> await(String part, int count, long timeoutMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        synchronized (received) {
            while (true) {
                List<Received> matching = received.stream().filter(r -> r.topic().contains(part)).toList();
                long left = deadline - System.currentTimeMillis();
                if (matching.size() >= count || left <= 0) {
                    return matching;
                }
                received.wait(left);
            }
        }
    }

    @Override
    public void close() throws MqttException {
        try {
            if (client.isConnected()) {
                client.disconnect();
            }
        } catch (MqttException e) {
            throw new IllegalStateException("recorder could not disconnect: " + e, e);
        }
        client.close();
    }
}
