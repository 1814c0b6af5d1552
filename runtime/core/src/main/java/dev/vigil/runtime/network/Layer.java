package dev.vigil.runtime.network;

/**
 * One layer of a spiking network: synapses from its inputs onto a group of neurons. Input and neuron
 * indices are flat; shaped layers (convolution, pooling) use channel-major {@code c*H*W + y*W + x}.
 */
public sealed interface Layer permits DenseLayer, ConvLayer, SumPoolLayer, RecurrentLayer {

    /** Name used in compiler messages and reports. */
    String name();

    /** Number of inputs (neurons of the previous layer, or network inputs). */
    int inputs();

    /** Number of neurons in this layer. */
    int neurons();

    /** Number of synapses (stored weights, zeros included). */
    long synapses();

    /** The neurons' model and parameters. */
    NeuronModel neuron();

    /** The same connections onto neurons of another model (routing layers return themselves). */
    Layer withNeuron(NeuronModel model);

    /** Short name of the connection kind, e.g. {@code "dense"} or {@code "conv2d"}. */
    String kind();

    /**
     * Visits every synapse leaving input {@code input}: its target neuron and weight. For compilers and
     * emulators building their own tables; the golden device does not use it.
     */
    void fanOut(int input, SynapseVisitor visitor);

    /** The largest absolute weight, 0 for weightless routing. */
    int maxAbsWeight();

    /** The largest number of synapses onto any one neuron. */
    int maxFanIn();

    /** One synapse, as visited by {@link #fanOut}. */
    @FunctionalInterface
    interface SynapseVisitor {
        /** Synapse onto neuron {@code target} with weight {@code weight}. */
        void synapse(int target, int weight);
    }
}
