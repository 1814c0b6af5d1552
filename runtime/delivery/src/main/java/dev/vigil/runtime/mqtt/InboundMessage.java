package dev.vigil.runtime.mqtt;

/**
 * A message that arrived on a subscription.
 *
 * @param topic           where it arrived
 * @param payload         its body
 * @param responseTopic   MQTT 5 response topic, or null
 * @param correlationData MQTT 5 correlation data, or null
 */
public record InboundMessage(String topic, byte[] payload, String responseTopic, byte[] correlationData) {
}
