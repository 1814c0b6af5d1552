package dev.vigil.runtime.mqtt;

import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** Eclipse Paho's MQTT 3.1.1 client behind {@link MqttTransport}, for brokers without MQTT 5. */
final class Paho3Transport extends PahoTransport {
    private final MqttAsyncClient client;
    private final int maxInflight;

    private Paho3Transport(MqttAsyncClient client, int maxInflight) {
        super("3.1.1");
        this.client = client;
        this.maxInflight = maxInflight;
    }

    static Paho3Transport connect(ConnectSettings s, TransportEvents events) throws ConnectFailure {
        MqttAsyncClient client;
        try {
            client = new MqttAsyncClient(s.url(), s.clientId(), new MemoryPersistence());
        } catch (MqttException e) {
            throw new ConnectFailure(ConnectFailure.Kind.SETTINGS, "MQTT broker " + s.url() + ": " + e.getMessage(), e);
        }
        client.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
                events.lost(cause);
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                arrived(events, s.maxInboundBytes(), topic, message.getPayload(), null, null);
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
            }
        });
        MqttConnectOptions o = new MqttConnectOptions();
        o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        o.setCleanSession(true);
        o.setAutomaticReconnect(false);
        o.setConnectionTimeout(s.connectTimeoutS());
        o.setKeepAliveInterval(s.keepAliveS());
        o.setMaxInflight(s.maxInflight());
        if (!s.username().isEmpty()) {
            o.setUserName(s.username());
            o.setPassword(s.password());
        }
        if (s.tls() != null) {
            o.setSocketFactory(s.tls());
            o.setHttpsHostnameVerificationEnabled(s.verifyHostname());
        }
        o.setWill(s.willTopic(), s.willPayload(), s.willQos(), true);
        try {
            client.connect(o).waitForCompletion(s.connectTimeoutS() * 1000L + 1000);
            return new Paho3Transport(client, s.maxInflight());
        } catch (MqttException e) {
            closeQuietly(client);
            throw Failures.classify(s.url(), "3.1.1", e.getReasonCode(), e, s);
        }
    }

    private static void closeQuietly(MqttAsyncClient c) {
        quietly(() -> c.disconnectForcibly(0, 100, false));
        quietly(() -> c.close(true));
    }

    private static MqttMessage message(byte[] payload, int qos, boolean retained) {
        MqttMessage m = new MqttMessage(payload);
        m.setQos(qos);
        m.setRetained(retained);
        return m;
    }

    @Override
    public int receiveMaximum() {
        return maxInflight;
    }

    @Override
    void send(String topic, byte[] payload, int qos, boolean retained, PublishListener listener) throws MqttException {
        client.publish(topic, message(payload, qos, retained), null, new IMqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                listener.acknowledged();
            }

            @Override
            public void onFailure(IMqttToken token, Throwable exception) {
                listener.failed(exception);
            }
        });
    }

    @Override
    void sendReply(String topic, byte[] payload, int qos, boolean retained, byte[] correlationData) throws MqttException {
        client.publish(topic, message(payload, qos, retained));
    }

    @Override
    void subscribeAndWait(String filter, int qos, long timeoutMs) throws MqttException {
        client.subscribe(filter, qos).waitForCompletion(timeoutMs);
    }

    @Override
    boolean connected() {
        return client.isConnected();
    }

    @Override
    void publishRetainedAndWait(String topic, byte[] payload, int qos, long timeoutMs) throws MqttException {
        client.publish(topic, message(payload, qos, true)).waitForCompletion(timeoutMs);
    }

    @Override
    void disconnectAndWait(long quiesceMs, long timeoutMs) throws MqttException {
        client.disconnect(quiesceMs).waitForCompletion(timeoutMs);
    }

    @Override
    int reasonCode(Exception failure) {
        return ((MqttException) failure).getReasonCode();
    }

    @Override
    public void close() {
        closeQuietly(client);
    }
}
