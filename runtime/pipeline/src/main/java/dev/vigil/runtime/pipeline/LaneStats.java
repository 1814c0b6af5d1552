package dev.vigil.runtime.pipeline;

import dev.vigil.runtime.dense.Int8Model;
import dev.vigil.runtime.hal.ActivityCounts;
import dev.vigil.runtime.hal.EnergyModel;
import dev.vigil.sensors.StreamKind;

/**
 * What one lane did over a run, in three parts: its front end, its wake gating and its dense stage.
 *
 * @param sensor lane name
 * @param stream stream id
 * @param kind   stream kind
 * @param front  encoder and spiking front end
 * @param wake   windows judged, wakes, refusals
 * @param dense  dense-stage runs and their cost
 */
public record LaneStats(String sensor, int stream, StreamKind kind, FrontEnd front, Wake wake, Dense dense) {

    /** Fraction of windows in which the dense stage ran. */
    public double dutyCycle() {
        return wake.windows() == 0 ? 0 : (double) dense.runs() / wake.windows();
    }

    /**
     * The encoder and the spiking front end.
     *
     * @param inputElements events (DVS) or frames (sampled) received
     * @param inputSpikes   spikes the encoder produced
     * @param counts        the front-end device's own counts (steps, output spikes, synaptic ops...)
     * @param energyJ       front-end energy from the device's counters and energy model, static power included
     * @param synapses      front-end synapses (stored weights)
     * @param seconds       device time the front end has run, s
     * @param encoderNanos  host CPU time of the encoder, ns: wall time with the device's steps and what
     *                      follows them left out, times the thread's CPU share sampled with {@link CpuClock}
     * @param energy        the front-end device's energy model, which prices {@code counts} and {@code seconds}
     */
    public record FrontEnd(long inputElements, long inputSpikes, ActivityCounts counts, double energyJ, long synapses,
                           double seconds, long encoderNanos, EnergyModel energy) {

        /** Energy of the counted work, J. */
        public double dynamicJ() {
            return energy.dynamicJoules(counts);
        }

        /** Static power over the time run, J. */
        public double staticJ() {
            return energy.staticJoules(seconds);
        }
    }

    /**
     * The wake gating.
     *
     * @param windows windows evaluated by the wake policy
     * @param wakes   wakes
     * @param refused wakes the cooldown or the wake budget refused, or fusion held back
     */
    public record Wake(long windows, long wakes, long refused) {
    }

    /**
     * The dense stage.
     *
     * @param runs           dense-stage invocations
     * @param detections     detections emitted
     * @param nanos          host thread CPU time of the dense model's runs, ns (features not included)
     * @param macs           multiply-accumulates of the dense stage
     * @param deviceJ        energy the dense device itself spent (0 on the CPU)
     * @param onCpu          true when the dense stage ran on the host CPU
     * @param sparsity       fraction of zero int8 inputs the dense stage saw
     * @param macsPerRun     multiply-accumulates of one dense invocation
     * @param footprintBytes dense model weights and biases, bytes
     * @param head           the dense model the lane ran
     * @param features       the raw-signal features of a head that reads them, {@link Features#NONE} otherwise
     */
    public record Dense(long runs, long detections, long nanos, long macs, double deviceJ, boolean onCpu,
                        double sparsity, long macsPerRun, long footprintBytes, Int8Model head, Features features) {
    }

    /**
     * The raw-signal features a head reads, computed on the host CPU.
     *
     * @param appendNanos  CPU time keeping raw samples in the ring (every sample, woken or not), ns
     * @param computeNanos CPU time computing the features on wake, ns
     * @param spanUs       time one wake's features span
     */
    public record Features(long appendNanos, long computeNanos, long spanUs) {
        /** A head that reads spike counts. */
        public static final Features NONE = new Features(0, 0, 0);

        /** True when the head reads features. */
        public boolean read() {
            return spanUs > 0;
        }
    }
}
