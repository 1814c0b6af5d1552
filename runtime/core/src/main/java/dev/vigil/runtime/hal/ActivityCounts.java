package dev.vigil.runtime.hal;

/**
 * What a device did, as counted by the device itself.
 *
 * @param synapticOps         weight accumulations performed (an input carrying {@code k} events
 *                            through one synapse counts {@code k})
 * @param neuronUpdates       neuron state updates performed (every neuron of a stateful layer, every step)
 * @param spikesRouted        events delivered to a layer's synapses (inputs and between layers)
 * @param outputSpikes        events emitted by the output layer
 * @param steps               timesteps advanced
 * @param activeNeuronUpdates neuron updates of neurons that received input or spiked in that step
 * @param meshHops            core-to-core hops travelled by routed spikes (0 on single-core devices)
 */
public record ActivityCounts(long synapticOps, long neuronUpdates, long spikesRouted, long outputSpikes, long steps,
                             long activeNeuronUpdates, long meshHops) {

    /** Counts without the active-update and hop breakdown. */
    public ActivityCounts(long synapticOps, long neuronUpdates, long spikesRouted, long outputSpikes, long steps) {
        this(synapticOps, neuronUpdates, spikesRouted, outputSpikes, steps, 0, 0);
    }

    /** The element-wise sum. */
    public ActivityCounts plus(ActivityCounts o) {
        return new ActivityCounts(synapticOps + o.synapticOps, neuronUpdates + o.neuronUpdates,
                spikesRouted + o.spikesRouted, outputSpikes + o.outputSpikes, steps + o.steps,
                activeNeuronUpdates + o.activeNeuronUpdates, meshHops + o.meshHops);
    }

    /** All zero. */
    public static final ActivityCounts ZERO = new ActivityCounts(0, 0, 0, 0, 0, 0, 0);
}
