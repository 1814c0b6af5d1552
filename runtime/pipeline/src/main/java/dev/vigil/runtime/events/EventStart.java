package dev.vigil.runtime.events;

/**
 * An event began: the first detection of a run of them on one lane.
 *
 * @param id           the event's id, a UUIDv7, the same in its {@link EventEnd}
 * @param deviceId     the Vigil device
 * @param sensor       the lane, e.g. {@code "audio"}
 * @param stream       the lane's stream id in the source
 * @param label        the first detection's label; a detection with another label ends the event
 * @param score        the first detection's score, 0..1
 * @param startUs      device time at the start of the first detection's waking window, µs
 * @param deviceTimeUs device time of the first detection, µs
 * @param detectionId  the first detection's id
 */
public record EventStart(String id, String deviceId, String sensor, int stream, String label, double score, long startUs,
                         long deviceTimeUs, String detectionId) {
}
