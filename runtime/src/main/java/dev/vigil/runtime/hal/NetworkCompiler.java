package dev.vigil.runtime.hal;

import dev.vigil.runtime.network.Layer;
import dev.vigil.runtime.network.Network;

import java.util.ArrayList;
import java.util.List;

/**
 * Places a network onto a device's cores: each layer is split into slices of at most
 * {@code neuronsPerCore} neurons whose fan-in fits {@code synapsesPerCore}; slices fill cores in
 * order, one layer per core. Refuses, naming the layer and the figures, what does not fit.
 */
public final class NetworkCompiler {

    private NetworkCompiler() {
    }

    /** Compiles {@code network} for {@code device}. */
    public static CompiledProgram compile(Network network, DeviceCapabilities device) throws DoesNotFitException {
        List<CoreAllocation> placement = new ArrayList<>();
        int core = 0;
        for (Layer layer : network.layers()) {
            long fanIn = layer.synapses() / layer.neurons();
            if (fanIn > device.synapsesPerCore()) {
                throw new DoesNotFitException(device.id(), layer.name(), "synapses per neuron (fan-in)", fanIn,
                        device.synapsesPerCore());
            }
            int perCore = (int) Math.min(device.neuronsPerCore(), device.synapsesPerCore() / Math.max(1, fanIn));
            for (int first = 0; first < layer.neurons(); first += perCore) {
                int n = Math.min(perCore, layer.neurons() - first);
                if (core >= device.cores()) {
                    long needed = core + (long) Math.ceil((layer.neurons() - first) / (double) perCore);
                    throw new DoesNotFitException(device.id(), layer.name(), "cores", needed, device.cores());
                }
                placement.add(new CoreAllocation(core, layer.name(), first, n, n * fanIn));
                core++;
            }
        }
        return new CompiledProgram(network, device, placement);
    }
}
