package dev.vigil.runtime.network;

import java.util.Arrays;

/**
 * A dense layer whose neurons also feed themselves: the spikes of step {@code s} arrive through
 * {@code recurrentWeights} in step {@code s + 1}, added to the feed-forward input of that step.
 * Both weight arrays are source-major: {@code weights[i * neurons + n]} and
 * {@code recurrentWeights[m * neurons + n]} (from neuron {@code m} to neuron {@code n}).
 */
public record RecurrentLayer(String name, int inputs, int neurons, int[] weights, int[] recurrentWeights,
                             NeuronModel neuron) implements Layer {

    public RecurrentLayer {
        if (inputs <= 0 || neurons <= 0) {
            throw new IllegalArgumentException("layer '" + name + "': inputs and neurons must be positive");
        }
        if (weights.length != (long) inputs * neurons) {
            throw new IllegalArgumentException("layer '" + name + "': " + weights.length + " weights for "
                    + inputs + " x " + neurons + " synapses");
        }
        if (recurrentWeights.length != (long) neurons * neurons) {
            throw new IllegalArgumentException("layer '" + name + "': " + recurrentWeights.length
                    + " recurrent weights for " + neurons + " x " + neurons + " synapses");
        }
        if (neuron == null) {
            throw new IllegalArgumentException("layer '" + name + "': neuron model missing");
        }
        weights = weights.clone();
        recurrentWeights = recurrentWeights.clone();
    }

    /** Feed-forward weight from input {@code input} to neuron {@code neuron}. */
    public int weight(int input, int neuron) {
        return weights[input * neurons + neuron];
    }

    /** Recurrent weight from neuron {@code from} to neuron {@code to}. */
    public int recurrentWeight(int from, int to) {
        return recurrentWeights[from * neurons + to];
    }

    @Override
    public int[] weights() {
        return weights.clone();
    }

    @Override
    public int[] recurrentWeights() {
        return recurrentWeights.clone();
    }

    @Override
    public long synapses() {
        return (long) inputs * neurons + (long) neurons * neurons;
    }

    @Override
    public RecurrentLayer withNeuron(NeuronModel model) {
        return new RecurrentLayer(name, inputs, neurons, weights, recurrentWeights, model);
    }

    @Override
    public String kind() {
        return "recurrent";
    }

    @Override
    public void fanOut(int input, SynapseVisitor visitor) {
        for (int n = 0; n < neurons; n++) {
            visitor.synapse(n, weights[input * neurons + n]);
        }
    }

    /** Visits the recurrent synapses leaving neuron {@code from}. */
    public void recurrentFanOut(int from, SynapseVisitor visitor) {
        for (int n = 0; n < neurons; n++) {
            visitor.synapse(n, recurrentWeights[from * neurons + n]);
        }
    }

    @Override
    public int maxAbsWeight() {
        return Math.max(Weights.maxAbs(weights), Weights.maxAbs(recurrentWeights));
    }

    @Override
    public int maxFanIn() {
        return inputs + neurons;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecurrentLayer r && r.name.equals(name) && r.inputs == inputs && r.neurons == neurons
                && Arrays.equals(r.weights, weights) && Arrays.equals(r.recurrentWeights, recurrentWeights)
                && r.neuron.equals(neuron);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + Arrays.hashCode(weights) + 7 * Arrays.hashCode(recurrentWeights);
    }

    @Override
    public String toString() {
        return "RecurrentLayer[" + name + ", " + inputs + " -> " + neurons + ", " + neuron + "]";
    }
}
