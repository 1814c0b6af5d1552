package dev.vigil.runtime.mqtt;

import java.util.List;

/** What the publisher asks of the rest of Vigil, always on the publisher thread. */
public interface DeliveryHooks {

    /** A message sent once per connection, not stored while offline. */
    record LiveMessage(String topic, byte[] payload, int qos, boolean retained) {
    }

    /** A reply to a command, or a retained message a command changed (correlation data may be null). */
    record Reply(String topic, byte[] payload, int qos, boolean retained, byte[] correlationData) {
    }

    /** Messages to send right after each connection (birth, retained config, discovery), in order. */
    List<LiveMessage> onConnect();

    /** The periodic metrics payload. */
    byte[] metrics(DeliveryStats stats);

    /** Handles a command; returns the reply and any retained message it changed, to send in order. */
    List<Reply> command(InboundMessage message);

    /** Topic filters to subscribe to after each connection. */
    List<String> subscriptions();
}
