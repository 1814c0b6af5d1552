package dev.vigil.runtime.outbox;

/**
 * One stored message.
 *
 * @param seq     position in the outbox, increasing by one per append, never reused
 * @param wallMs  wall-clock time of the append, ms since the epoch (for the age limit)
 * @param qos     QoS to publish with
 * @param topic   MQTT topic
 * @param payload message body
 */
public record OutboxRecord(long seq, long wallMs, int qos, String topic, byte[] payload) {
}
