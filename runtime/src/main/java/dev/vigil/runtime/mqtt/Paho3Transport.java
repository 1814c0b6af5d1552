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
import org.tinylog.Logger;

/** Eclipse Paho's MQTT 3.1.1 client behind {@link MqttTransport}, for brokers without MQTT 5. */
final class Paho3Transport implements MqttTransport {
    private final MqttAsyncClient client;
    private final int maxInflight;

    private Paho3Transport(MqttAsyncClient client, int maxInflight) {
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
                events.arrived(new InboundMessage(topic, message.getPayload(), null, null));
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
        try {
            c.disconnectForcibly(0, 100, false);
        } catch (MqttException ignored) {
            // already gone
        }
        try {
            c.close(true);
        } catch (MqttException ignored) {
            // already closed
        }
    }

    @Override
    public String protocol() {
        return "3.1.1";
    }

    @Override
    public int receiveMaximum() {
        return maxInflight;
    }

    @Override
    public void publish(String topic, byte[] payload, int qos, boolean retained, PublishListener listener)
            throws TransportException {
        MqttMessage m = new MqttMessage(payload);
        m.setQos(qos);
        m.setRetained(retained);
        try {
            client.publish(topic, m, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    listener.acknowledged();
                }

                @Override
                public void onFailure(IMqttToken token, Throwable exception) {
                    listener.failed(exception);
                }
            });
        } catch (MqttException e) {
            if (e.getReasonCode() == MqttException.REASON_CODE_MAX_INFLIGHT) {
                throw new TransportBusyException(e);
            }
            throw new TransportException("publish to " + topic + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void reply(String topic, byte[] payload, int qos, boolean retained, byte[] correlationData)
            throws TransportException {
        MqttMessage m = new MqttMessage(payload);
        m.setQos(qos);
        m.setRetained(retained);
        try {
            client.publish(topic, m);
        } catch (MqttException e) {
            throw new TransportException("reply to " + topic + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void subscribe(String filter, int qos) throws TransportException {
        try {
            client.subscribe(filter, qos).waitForCompletion(10_000);
        } catch (MqttException e) {
            throw new TransportException("subscribe to " + filter + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void disconnect(String statusTopic, byte[] statusPayload, int qos) {
        try {
            if (client.isConnected()) {
                MqttMessage m = new MqttMessage(statusPayload);
                m.setQos(qos);
                m.setRetained(true);
                client.publish(statusTopic, m).waitForCompletion(5000);
                client.disconnect(2000).waitForCompletion(5000);
            }
        } catch (MqttException e) {
            Logger.warn("Closing the MQTT connection: {}", e.getMessage());
        }
        close();
    }

    @Override
    public void close() {
        closeQuietly(client);
    }
}
