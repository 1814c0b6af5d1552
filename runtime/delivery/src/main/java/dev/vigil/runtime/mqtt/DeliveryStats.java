package dev.vigil.runtime.mqtt;

import dev.vigil.runtime.outbox.OutboxStats;

/**
 * What the publisher has done so far.
 *
 * @param connected      connected now
 * @param protocol       MQTT version in use, or empty before the first connection
 * @param stored         detections stored in the outbox by this run
 * @param delivered      detections acknowledged by the broker
 * @param sent           detection publishes, counting re-sends after a lost connection
 * @param connects       successful connections
 * @param unstored       detections dropped because they could not be stored (disk full, I/O error)
 * @param outbox         the outbox's figures
 * @param inFlight       detection messages sent and not yet acknowledged
 */
public record DeliveryStats(boolean connected, String protocol, long stored, long delivered, long sent, long connects,
                            long unstored, OutboxStats outbox, int inFlight) {
}
