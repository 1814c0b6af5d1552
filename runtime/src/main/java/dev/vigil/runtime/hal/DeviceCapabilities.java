package dev.vigil.runtime.hal;

import java.util.Set;

/**
 * What a device can hold and run.
 *
 * @param id              short name used in configs and on the command line
 * @param description     one line for humans
 * @param neuronModels    neuron models supported, e.g. {@code "lif-shift"}
 * @param weightBits      signed weight width in bits
 * @param stateBits       membrane-potential width in bits
 * @param cores           cores available
 * @param neuronsPerCore  neurons one core holds
 * @param synapsesPerCore synapses (weights) one core's memory holds
 * @param energy          energy per operation
 */
public record DeviceCapabilities(String id, String description, Set<String> neuronModels, int weightBits,
                                 int stateBits, int cores, int neuronsPerCore, long synapsesPerCore,
                                 EnergyModel energy) {

    public DeviceCapabilities {
        neuronModels = Set.copyOf(neuronModels);
        if (cores <= 0 || neuronsPerCore <= 0 || synapsesPerCore <= 0) {
            throw new IllegalArgumentException("device " + id + ": cores and per-core limits must be positive");
        }
        if (weightBits < 1 || weightBits > 32 || stateBits < 1 || stateBits > 32) {
            throw new IllegalArgumentException("device " + id + ": bit widths must be 1..32");
        }
    }
}
