package dev.vigil.runtime.hal;

/**
 * What a device did, as counted by the device itself.
 *
 * @param synapticOps   weight accumulations performed
 * @param neuronUpdates neuron state updates performed
 * @param spikesRouted  spikes delivered (inputs and between layers)
 * @param outputSpikes  spikes emitted by the output layer
 * @param steps         timesteps advanced
 */
public record ActivityCounts(long synapticOps, long neuronUpdates, long spikesRouted, long outputSpikes, long steps) {

    /** The element-wise sum. */
    public ActivityCounts plus(ActivityCounts o) {
        return new ActivityCounts(synapticOps + o.synapticOps, neuronUpdates + o.neuronUpdates,
                spikesRouted + o.spikesRouted, outputSpikes + o.outputSpikes, steps + o.steps);
    }

    /** All zero. */
    public static final ActivityCounts ZERO = new ActivityCounts(0, 0, 0, 0, 0);
}
