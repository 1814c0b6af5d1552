package dev.vigil.runtime.network;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A feed-forward spiking network: {@code inputs} input channels, then layers in order, each fed by the
 * one before. Spikes cross all layers within the same timestep.
 */
public record Network(String name, int inputs, List<Layer> layers) {

    public Network {
        layers = List.copyOf(layers);
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("network '" + name + "' has no layers");
        }
        int expected = inputs;
        Set<String> names = new HashSet<>();
        for (Layer l : layers) {
            if (!names.add(l.name())) {
                throw new IllegalArgumentException("network '" + name + "': layer name '" + l.name() + "' used twice");
            }
            if (l.inputs() != expected) {
                throw new IllegalArgumentException("network '" + name + "': layer '" + l.name() + "' takes "
                        + l.inputs() + " inputs but receives " + expected);
            }
            expected = l.neurons();
        }
    }

    /** Neurons of the last layer: the readout the accumulator counts. */
    public int outputs() {
        return layers.getLast().neurons();
    }

    /** Neurons in all layers. */
    public long neurons() {
        return layers.stream().mapToLong(Layer::neurons).sum();
    }

    /** Synapses in all layers. */
    public long synapses() {
        return layers.stream().mapToLong(Layer::synapses).sum();
    }
}
