package dev.vigil.runtime.sink;

/** The one thing Vigil needs from an MQTT client. Implementations never block the caller for long. */
public interface MqttPublisher extends AutoCloseable {

    /** Queues {@code payload} for {@code topic}. */
    void publish(String topic, byte[] payload, int qos, boolean retained);

    /** Waits up to {@code timeoutMs} until everything queued has been acknowledged; true if it was. */
    boolean drain(long timeoutMs) throws InterruptedException;

    @Override
    void close();
}
