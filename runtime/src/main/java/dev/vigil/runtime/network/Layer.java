package dev.vigil.runtime.network;

/** One layer of a spiking network: synapses from its inputs onto a group of neurons. */
public sealed interface Layer permits DenseLayer {

    /** Name used in compiler messages and reports. */
    String name();

    /** Number of inputs (neurons of the previous layer, or network inputs). */
    int inputs();

    /** Number of neurons in this layer. */
    int neurons();

    /** Number of synapses (stored weights, zeros included). */
    long synapses();

    /** The neurons' parameters. */
    NeuronParams neuron();
}
