package dev.vigil.runtime.mqtt;

/** One live MQTT connection, MQTT 5 or 3.1.1. */
public interface MqttTransport extends AutoCloseable {

    /** {@code "5"} or {@code "3.1.1"}. */
    String protocol();

    /** Unacknowledged QoS 1/2 messages the broker accepts at once. */
    int receiveMaximum();

    /**
     * Sends a message without waiting.
     *
     * @throws TransportBusyException when too many messages await acknowledgement
     */
    void publish(String topic, byte[] payload, int qos, boolean retained, PublishListener listener)
            throws TransportBusyException, TransportException;

    /** Sends a reply carrying MQTT 5 correlation data when the protocol has it. */
    void reply(String topic, byte[] payload, int qos, boolean retained, byte[] correlationData) throws TransportException;

    /** Subscribes to {@code filter} and waits for the broker's answer. */
    void subscribe(String filter, int qos) throws TransportException;

    /** Publishes {@code statusPayload} retained to {@code statusTopic}, then disconnects cleanly. */
    void disconnect(String statusTopic, byte[] statusPayload, int qos);

    /** Drops the connection at once. */
    @Override
    void close();
}
