package dev.vigil.runtime.hal;

import java.util.Set;

/**
 * What a device can hold and run.
 *
 * @param id                short name used in configs and on the command line
 * @param description       one line for humans
 * @param neuronModels      neuron models supported, e.g. {@code "lif-shift"}
 * @param weightBits        signed weight (mantissa) width in bits
 * @param stateBits         membrane-potential width in bits
 * @param cores             cores available
 * @param neuronsPerCore    neurons one core holds
 * @param synapsesPerCore   synapses (weights) one core's memory holds
 * @param energy            energy per operation
 * @param layerKinds        connection kinds supported, e.g. {@code "dense"}, {@code "conv2d"}
 * @param maxWeightExponent largest shared per-layer weight exponent: a weight is {@code mantissa << e}
 *                          with one {@code e} in {@code 0..maxWeightExponent} per layer
 * @param pipelineDelay     steps the device's pipeline adds between a spike and its current in
 *                          current-based neurons (1 on Loihi: the compiler sets every CUBA layer's delay to it)
 */
public record DeviceCapabilities(String id, String description, Set<String> neuronModels, int weightBits,
                                 int stateBits, int cores, int neuronsPerCore, long synapsesPerCore,
                                 EnergyModel energy, Set<String> layerKinds, int maxWeightExponent,
                                 int pipelineDelay) {

    /** Every connection kind of the network model. */
    public static final Set<String> ALL_LAYER_KINDS = Set.of("dense", "conv2d", "sumpool2d", "recurrent");

    public DeviceCapabilities {
        neuronModels = Set.copyOf(neuronModels);
        layerKinds = Set.copyOf(layerKinds);
        if (cores <= 0 || neuronsPerCore <= 0 || synapsesPerCore <= 0) {
            throw new IllegalArgumentException("device " + id + ": cores and per-core limits must be positive");
        }
        if (weightBits < 1 || weightBits > 32 || stateBits < 1 || stateBits > 32) {
            throw new IllegalArgumentException("device " + id + ": bit widths must be 1..32");
        }
        if (pipelineDelay < 0 || pipelineDelay > 1) {
            throw new IllegalArgumentException("device " + id + ": pipeline delay must be 0 or 1");
        }
        if (maxWeightExponent < 0 || maxWeightExponent > 30) {
            throw new IllegalArgumentException("device " + id + ": weight exponent must be 0..30");
        }
    }

    /** A device taking every layer kind, weights without exponent. */
    public DeviceCapabilities(String id, String description, Set<String> neuronModels, int weightBits,
                              int stateBits, int cores, int neuronsPerCore, long synapsesPerCore,
                              EnergyModel energy) {
        this(id, description, neuronModels, weightBits, stateBits, cores, neuronsPerCore, synapsesPerCore, energy,
                ALL_LAYER_KINDS, 0, 0);
    }
}
