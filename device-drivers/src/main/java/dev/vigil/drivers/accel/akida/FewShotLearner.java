package dev.vigil.drivers.accel.akida;

import dev.vigil.runtime.network.DenseLayer;
import dev.vigil.runtime.network.Layer;
import dev.vigil.runtime.network.Network;
import dev.vigil.runtime.network.QuantizedRelu;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Akida-style edge learning of the last layer from a few labelled examples. The last layer is a dense
 * layer of binary weights whose neurons are split evenly between the classes. Each example trains the
 * next neuron of its class (cycling when all are used): the neuron's weights become 1 on the
 * {@code weightsPerNeuron} inputs most active in that example (ties to the lower index) and 0
 * elsewhere. A sample is classified by the neuron with the largest potential.
 */
public final class FewShotLearner {
    private final Network network;
    private final int classes;
    private final int weightsPerNeuron;
    private final int neuronsPerClass;
    private final int inputs;
    private final int[] weights;
    private final int[] nextNeuron;

    /** Prepares to learn the last layer of {@code network} (dense, {@link QuantizedRelu}) for {@code classes}. */
    public FewShotLearner(Network network, int classes, int weightsPerNeuron) {
        Layer last = network.layers().getLast();
        if (!(last instanceof DenseLayer dense) || !(last.neuron() instanceof QuantizedRelu)) {
            throw new IllegalArgumentException("few-shot learning needs a dense quantized-ReLU last layer, got "
                    + last.kind() + " of " + last.neuron().kind());
        }
        if (classes <= 0 || dense.neurons() % classes != 0) {
            throw new IllegalArgumentException(dense.neurons() + " neurons cannot be split between " + classes
                    + " classes");
        }
        if (weightsPerNeuron <= 0 || weightsPerNeuron > dense.inputs()) {
            throw new IllegalArgumentException("weights per neuron must be 1.." + dense.inputs());
        }
        this.network = network;
        this.classes = classes;
        this.weightsPerNeuron = weightsPerNeuron;
        this.neuronsPerClass = dense.neurons() / classes;
        this.inputs = dense.inputs();
        this.weights = new int[dense.inputs() * dense.neurons()];
        this.nextNeuron = new int[classes];
    }

    /** Learns one example: {@code activity[i]} events on last-layer input {@code i}, class {@code label}. */
    public void learn(int[] activity, int label) {
        if (activity.length != inputs) {
            throw new IllegalArgumentException("activity has " + activity.length + " inputs, layer has " + inputs);
        }
        if (label < 0 || label >= classes) {
            throw new IllegalArgumentException("label " + label + " outside 0.." + (classes - 1));
        }
        int neuron = label * neuronsPerClass + nextNeuron[label];
        nextNeuron[label] = (nextNeuron[label] + 1) % neuronsPerClass;
        int neurons = classes * neuronsPerClass;
        for (int i = 0; i < inputs; i++) {
            weights[i * neurons + neuron] = 0;
        }
        Integer[] order = new Integer[inputs];
        for (int i = 0; i < inputs; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> activity[a] != activity[b] ? Integer.compare(activity[b], activity[a])
                : Integer.compare(a, b));
        for (int k = 0; k < weightsPerNeuron && activity[order[k]] > 0; k++) {
            weights[order[k] * neurons + neuron] = 1;
        }
    }

    /** The network with the learned last layer. */
    public Network network() {
        List<Layer> layers = new ArrayList<>(network.layers());
        DenseLayer last = (DenseLayer) layers.removeLast();
        layers.add(new DenseLayer(last.name(), last.inputs(), last.neurons(), weights, last.neuron()));
        return new Network(network.name(), network.inputs(), layers);
    }

    /** The class of the neuron with the largest of {@code potentials} (the last layer's). */
    public int classify(int[] potentials) {
        int best = 0;
        for (int n = 1; n < potentials.length; n++) {
            if (potentials[n] > potentials[best]) {
                best = n;
            }
        }
        return best / neuronsPerClass;
    }
}
