package dev.vigil.runtime.hal;

/**
 * A slice of one layer placed on one core.
 *
 * @param core        core index
 * @param layer       layer name
 * @param firstNeuron first neuron of the layer held by this core
 * @param neurons     neurons held
 * @param synapses    synapses (fan-in weights of those neurons) held
 */
public record CoreAllocation(int core, String layer, int firstNeuron, int neurons, long synapses) {
}
