package dev.vigil.runtime.pipeline;

import dev.vigil.runtime.hal.ActivityCounts;
import dev.vigil.sensors.StreamKind;

/**
 * What one lane did over a run.
 *
 * @param sensor          lane name
 * @param stream          stream id
 * @param kind            stream kind
 * @param inputElements   events (DVS) or frames (sampled) received
 * @param inputSpikes     spikes the encoder produced
 * @param front           the front-end device's own counts (steps, output spikes, synaptic ops...)
 * @param windows         windows evaluated by the wake policy
 * @param wakes           wakes
 * @param denseRuns       dense-stage invocations
 * @param detections      detections emitted
 * @param frontEnergyJ    front-end energy from the device's counters and energy model
 * @param denseNanos      CPU time of the dense stage
 */
public record LaneStats(String sensor, int stream, StreamKind kind, long inputElements, long inputSpikes,
                        ActivityCounts front, long windows, long wakes, long denseRuns, long detections,
                        double frontEnergyJ, long denseNanos) {

    /** Fraction of windows in which the dense stage ran. */
    public double dutyCycle() {
        return windows == 0 ? 0 : (double) denseRuns / windows;
    }
}
