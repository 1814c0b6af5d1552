package dev.vigil.runtime.pipeline;

import java.util.Arrays;

/**
 * Something the dense stage labelled after a wake.
 *
 * @param id            unique id, a UUIDv7 made when the detection is (see {@link DetectionIds}): never the same
 *                      for two detections, across runs, reboots and devices
 * @param deviceId      the Vigil device that saw it
 * @param sensor        lane name, e.g. {@code "audio"}
 * @param stream        source stream id
 * @param label         the dense stage's label
 * @param score         its probability, 0..1
 * @param deviceTimeUs  device time the dense stage ran: the end of the waking window, plus the post-trigger
 *                      span when one is configured
 * @param windowStartUs device time at the start of the waking window
 * @param wakeReason    which wake rule fired and on what values
 * @param counts        the waking window's readout spike counts
 * @param energyJ       front-end energy the lane spent since its previous detection (since its start for the
 *                      first), J, from the device's counters and energy model: the cost of watching for this one
 */
public record Detection(String id, String deviceId, String sensor, int stream, String label, double score,
                        long deviceTimeUs, long windowStartUs, String wakeReason, int[] counts, double energyJ) {

    public Detection {
        counts = counts.clone();
    }

    @Override
    public int[] counts() {
        return counts.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Detection d && d.id.equals(id) && d.deviceId.equals(deviceId) && d.sensor.equals(sensor)
                && d.stream == stream && d.label.equals(label) && Double.compare(d.score, score) == 0
                && d.deviceTimeUs == deviceTimeUs && d.windowStartUs == windowStartUs
                && d.wakeReason.equals(wakeReason) && Arrays.equals(d.counts, counts)
                && Double.compare(d.energyJ, energyJ) == 0;
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "Detection[" + sensor + " " + label + " " + score + " @" + deviceTimeUs + "us, " + id + "]";
    }
}
