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
 * @param energy        what the lane spent since its previous detection (since its start for the first), in
 *                      parts: the cost of watching for this one and of telling what it is
 */
public record Detection(String id, String deviceId, String sensor, int stream, String label, double score,
                        long deviceTimeUs, long windowStartUs, String wakeReason, int[] counts, DetectionEnergy energy) {

    public Detection {
        counts = counts.clone();
    }

    /** A detection whose only known cost is {@code frontEnergyJ} of front-end work (the other parts 0). */
    public Detection(String id, String deviceId, String sensor, int stream, String label, double score,
                     long deviceTimeUs, long windowStartUs, String wakeReason, int[] counts, double frontEnergyJ) {
        this(id, deviceId, sensor, stream, label, score, deviceTimeUs, windowStartUs, wakeReason, counts,
                new DetectionEnergy(frontEnergyJ, 0, 0, 0, 0, 0));
    }

    /** Front-end energy since the previous detection, static power included, J. */
    public double energyJ() {
        return energy.frontJ();
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
                && d.energy.equals(energy);
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
