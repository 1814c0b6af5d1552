package dev.vigil.runtime.sink;

import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.tinylog.Logger;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Eclipse Paho (MQTT 3.1.1) behind {@link MqttPublisher}: asynchronous publishing, a retained
 * {@code online} birth and {@code offline} last will on the status topic, and a clean
 * {@code offline} on close.
 */
public final class PahoPublisher implements MqttPublisher, MqttCallback {
    private static final int MAX_INFLIGHT = 1000;
    private final MqttAsyncClient client;
    private final String statusTopic;
    private final AtomicLong outstanding = new AtomicLong();
    private final Object lock = new Object();

    private PahoPublisher(MqttAsyncClient client, String statusTopic) {
        this.client = client;
        this.statusTopic = statusTopic;
    }

    /** Connects to {@code url} as {@code clientId} and publishes the birth message. */
    public static PahoPublisher connect(String url, String clientId, String statusTopic, int timeoutS)
            throws BrokerUnavailableException {
        try {
            MqttAsyncClient client = new MqttAsyncClient(url, clientId, new MemoryPersistence());
            PahoPublisher p = new PahoPublisher(client, statusTopic);
            client.setCallback(p);
            MqttConnectOptions o = new MqttConnectOptions();
            o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
            o.setCleanSession(true);
            o.setAutomaticReconnect(true);
            o.setConnectionTimeout(timeoutS);
            o.setMaxInflight(MAX_INFLIGHT);
            o.setWill(statusTopic, "offline".getBytes(StandardCharsets.UTF_8), 1, true);
            client.connect(o).waitForCompletion(timeoutS * 1000L);
            p.publish(statusTopic, "online".getBytes(StandardCharsets.UTF_8), 1, true);
            Logger.debug("Connected to MQTT broker {} as {}", url, clientId);
            return p;
        } catch (MqttException e) {
            String why = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
            throw new BrokerUnavailableException(url, why + " (is the broker running? check broker.url)", e);
        }
    }

    @Override
    public void publish(String topic, byte[] payload, int qos, boolean retained) {
        MqttMessage m = new MqttMessage(payload);
        m.setQos(qos);
        m.setRetained(retained);
        outstanding.incrementAndGet();
        try {
            client.publish(topic, m);
            if (qos == 0) {
                completed();
            }
        } catch (MqttException e) {
            completed();
            Logger.error("Could not publish to {}: {}", topic, e.getMessage());
        }
    }

    private void completed() {
        if (outstanding.decrementAndGet() <= 0) {
            synchronized (lock) {
                lock.notifyAll();
            }
        }
    }

    @Override
    public boolean drain(long timeoutMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        synchronized (lock) {
            while (outstanding.get() > 0) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    return false;
                }
                lock.wait(left);
            }
        }
        return true;
    }

    @Override
    public void connectionLost(Throwable cause) {
        Logger.warn("Lost the MQTT connection: {}; reconnecting", cause == null ? "unknown" : cause.getMessage());
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        // Vigil subscribes to nothing yet; commands arrive through a later subscription.
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {
        completed();
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                MqttMessage off = new MqttMessage("offline".getBytes(StandardCharsets.UTF_8));
                off.setQos(1);
                off.setRetained(true);
                client.publish(statusTopic, off).waitForCompletion(5000);
                client.disconnect(2000).waitForCompletion(5000);
            }
            client.close();
        } catch (MqttException e) {
            Logger.warn("Closing the MQTT connection: {}", e.getMessage());
        }
    }
}
