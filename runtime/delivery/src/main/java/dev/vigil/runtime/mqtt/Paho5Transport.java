package dev.vigil.runtime.mqtt;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.tinylog.Logger;

import java.nio.charset.StandardCharsets;

/** Eclipse Paho's MQTT 5 client behind {@link MqttTransport}. */
final class Paho5Transport extends PahoTransport {
    private final MqttAsyncClient client;
    private final int receiveMaximum;

    private Paho5Transport(MqttAsyncClient client, int receiveMaximum) {
        super("5");
        this.client = client;
        this.receiveMaximum = receiveMaximum;
    }

    static Paho5Transport connect(ConnectSettings s, TransportEvents events) throws ConnectFailure {
        MqttAsyncClient client;
        try {
            client = new MqttAsyncClient(s.url(), s.clientId(), new MemoryPersistence());
        } catch (MqttException e) {
            throw new ConnectFailure(ConnectFailure.Kind.SETTINGS, "MQTT broker " + s.url() + ": " + e.getMessage(), e);
        }
        client.setCallback(new MqttCallback() {
            @Override
            public void disconnected(MqttDisconnectResponse response) {
                events.lost(response.getException() != null ? response.getException()
                        : new IllegalStateException("the broker disconnected: " + response.getReasonString()));
            }

            @Override
            public void mqttErrorOccurred(MqttException exception) {
                Logger.warn("MQTT error: {}", exception.getMessage());
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                MqttProperties p = message.getProperties();
                arrived(events, s.maxInboundBytes(), topic, message.getPayload(), p == null ? null : p.getResponseTopic(),
                        p == null ? null : p.getCorrelationData());
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
        o.setSessionExpiryInterval(0L);
        o.setAutomaticReconnect(false);
        o.setConnectionTimeout(s.connectTimeoutS());
        o.setKeepAliveInterval(s.keepAliveS());
        o.setMaximumPacketSize((long) s.maxInboundBytes() + PACKET_OVERHEAD);
        if (!s.username().isEmpty()) {
            o.setUserName(s.username());
            o.setPassword(new String(s.password()).getBytes(StandardCharsets.UTF_8));
        }
        if (s.tls() != null) {
            o.setSocketFactory(s.tls());
            o.setHttpsHostnameVerificationEnabled(s.verifyHostname());
        }
        MqttMessage will = new MqttMessage(s.willPayload());
        will.setQos(s.willQos());
        will.setRetained(true);
        o.setWill(s.willTopic(), will);
        try {
            IMqttToken t = client.connect(o);
            t.waitForCompletion(s.connectTimeoutS() * 1000L + 1000);
            Integer rm = t.getResponseProperties() == null ? null : t.getResponseProperties().getReceiveMaximum();
            return new Paho5Transport(client, rm == null ? 65_535 : rm);
        } catch (MqttException e) {
            closeQuietly(client);
            throw Failures.classify(s.url(), "5", e.getReasonCode(), e, s);
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
        return receiveMaximum;
    }

    @Override
    void send(String topic, byte[] payload, int qos, boolean retained, PublishListener listener) throws MqttException {
        client.publish(topic, message(payload, qos, retained), null, new MqttActionListener() {
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
        MqttMessage m = message(payload, qos, retained);
        if (correlationData != null) {
            MqttProperties p = new MqttProperties();
            p.setCorrelationData(correlationData);
            m.setProperties(p);
        }
        client.publish(topic, m);
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
