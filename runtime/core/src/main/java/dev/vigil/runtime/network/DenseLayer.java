package dev.vigil.runtime.network;

import java.util.Arrays;

/**
 * All-to-all synapses from {@code inputs} onto {@code neurons} neurons. Weights are signed integers
 * stored input-major: the weight from input {@code i} to neuron {@code n} is
 * {@code weights[i * neurons + n]}, so one input spike touches one contiguous row.
 */
public record DenseLayer(String name, int inputs, int neurons, int[] weights, NeuronModel neuron) implements Layer {

    public DenseLayer {
        if (inputs <= 0 || neurons <= 0) {
            throw new IllegalArgumentException("layer '" + name + "': inputs and neurons must be positive");
        }
        if (weights.length != (long) inputs * neurons) {
            throw new IllegalArgumentException("layer '" + name + "': " + weights.length + " weights for "
                    + inputs + " x " + neurons + " synapses");
        }
        if (neuron == null) {
            throw new IllegalArgumentException("layer '" + name + "': neuron model missing");
        }
        weights = weights.clone();
    }

    /** Weight from input {@code input} to neuron {@code neuron}. */
    public int weight(int input, int neuron) {
        return weights[input * neurons + neuron];
    }

    @Override
    public int[] weights() {
        return weights.clone();
    }

    @Override
    public long synapses() {
        return (long) inputs * neurons;
    }

    @Override
    public DenseLayer withNeuron(NeuronModel model) {
        return new DenseLayer(name, inputs, neurons, weights, model);
    }

    @Override
    public String kind() {
        return "dense";
    }

    @Override
    public void fanOut(int input, SynapseVisitor visitor) {
        for (int n = 0; n < neurons; n++) {
            visitor.synapse(n, weights[input * neurons + n]);
        }
    }

    @Override
    public int maxAbsWeight() {
        return Weights.maxAbs(weights);
    }

    @Override
    public int maxFanIn() {
        return inputs;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DenseLayer d && d.name.equals(name) && d.inputs == inputs && d.neurons == neurons
                && Arrays.equals(d.weights, weights) && d.neuron.equals(neuron);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + Arrays.hashCode(weights);
    }

    @Override
    public String toString() {
        return "DenseLayer[" + name + ", " + inputs + " -> " + neurons + ", " + neuron + "]";
    }
}
