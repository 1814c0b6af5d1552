package dev.vigil.runtime.pipeline;

import dev.vigil.runtime.dense.Int8Model;
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
 * @param refusedWakes    wakes the cooldown or the wake budget refused, or fusion held back
 * @param denseRuns       dense-stage invocations
 * @param detections      detections emitted
 * @param frontEnergyJ    front-end energy from the device's counters and energy model
 * @param denseNanos      CPU time of the dense stage
 * @param denseMacs       multiply-accumulates of the dense stage
 * @param denseDeviceJ    energy the dense device itself spent (0 on the CPU)
 * @param denseOnCpu      true when the dense stage ran on the host CPU
 * @param denseSparsity   fraction of zero int8 inputs the dense stage saw
 * @param macsPerRun      multiply-accumulates of one dense invocation
 * @param footprintBytes  dense model weights and biases, bytes
 * @param frontSynapses   front-end synapses (stored weights)
 * @param head            the dense model the lane ran
 */
public record LaneStats(String sensor, int stream, StreamKind kind, long inputElements, long inputSpikes,
                        ActivityCounts front, long windows, long wakes, long refusedWakes, long denseRuns,
                        long detections, double frontEnergyJ, long denseNanos, long denseMacs, double denseDeviceJ,
                        boolean denseOnCpu, double denseSparsity, long macsPerRun, long footprintBytes,
                        long frontSynapses, Int8Model head) {

    /** Fraction of windows in which the dense stage ran. */
    public double dutyCycle() {
        return windows == 0 ? 0 : (double) denseRuns / windows;
    }
}
