package dev.vigil.runtime.mqtt;

import java.util.List;

/** What the publisher asks of the rest of Vigil, always on the publisher thread. */
public interface DeliveryHooks {

    /** A message sent once per connection, not stored while offline. */
    record LiveMessage(String topic, byte[] payload, int qos, boolean retained) {
    }

    /** A reply to a command. */
    record Reply(String topic, byte[] payload, int qos, byte[] correlationData) {
    }

    /** Messages to send right after each connection (birth, retained config, discovery), in order. */
    List<LiveMessage> onConnect();

    /** The periodic metrics payload. */
    byte[] metrics(DeliveryStats stats);

    /** Handles a command; returns the reply to send. */
    Reply command(InboundMessage message);

    /** Topic filters to subscribe to after each connection. */
    List<String> subscriptions();
}
