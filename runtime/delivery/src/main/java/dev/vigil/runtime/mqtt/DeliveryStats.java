package dev.vigil.runtime.mqtt;

import dev.vigil.runtime.outbox.OutboxStats;

/**
 * What the publisher has done so far.
 *
 * @param connected      connected now
 * @param protocol       MQTT version in use, or empty before the first connection
 * @param enqueued       detections handed to the publisher
 * @param stored         detections the publisher has taken from the hand-off queue into the outbox
 * @param delivered      detections acknowledged by the broker
 * @param sent           detection publishes, counting re-sends after a lost connection
 * @param connects       successful connections
 * @param handoffDropped detections dropped because the hand-off queue was full (the publisher fell behind)
 * @param outbox         the outbox's figures
 * @param inFlight       detection messages sent and not yet acknowledged
 */
public record DeliveryStats(boolean connected, String protocol, long enqueued, long stored, long delivered, long sent,
                            long connects, long handoffDropped, OutboxStats outbox, int inFlight) {
}
