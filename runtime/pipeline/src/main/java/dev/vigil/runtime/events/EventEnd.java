package dev.vigil.runtime.events;

/**
 * An event ended: its lane stayed quiet for the configured number of windows, a detection with another
 * label came, or the run ended.
 *
 * @param id         the event's id, as in its {@link EventStart}
 * @param deviceId   the Vigil device
 * @param sensor     the lane
 * @param label      the event's label
 * @param startUs    as in the start, µs
 * @param endUs      device time at the end of the last window that was not quiet, µs
 * @param peakScore  the highest score of its detections
 * @param windows    windows from the first detection's to the last one that was not quiet
 * @param detections detections folded into it
 * @param reason     why it ended: {@code quiet}, {@code label} or {@code run-end}
 * @param clip       where its clip was written; null when none
 */
public record EventEnd(String id, String deviceId, String sensor, String label, long startUs, long endUs,
                       double peakScore, long windows, long detections, String reason,
                       String clip) {

    /** A copy that names its clip. */
    public EventEnd withClip(String path) {
        return new EventEnd(id, deviceId, sensor, label, startUs, endUs, peakScore, windows, detections, reason, path);
    }

    /** Seconds from the start to the end. */
    public double durationS() {
        return (endUs - startUs) / 1e6;
    }
}
