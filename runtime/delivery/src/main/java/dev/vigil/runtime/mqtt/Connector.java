package dev.vigil.runtime.mqtt;

/** Opens one connection to the broker; the publisher calls it again after each loss. */
public interface Connector {

    /** Connects, reporting the connection's later events to {@code events}. */
    MqttTransport connect(TransportEvents events) throws ConnectFailure;
}
