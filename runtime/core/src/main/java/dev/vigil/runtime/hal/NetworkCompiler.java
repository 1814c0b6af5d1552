package dev.vigil.runtime.hal;

import dev.vigil.runtime.network.CubaLif;
import dev.vigil.runtime.network.Layer;
import dev.vigil.runtime.network.Network;
import dev.vigil.runtime.network.RecurrentLayer;
import dev.vigil.runtime.network.Relay;
import dev.vigil.runtime.network.SumPoolLayer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Places a network onto a device's cores: each layer is split into slices of at most
 * {@code neuronsPerCore} neurons whose synapses (fan-in weights) fit {@code synapsesPerCore}; slices
 * fill cores in order, one layer per core. On a device that takes sum pooling but has no relay
 * neurons, a pooling layer is routing: it takes no core, and each input of the layer it feeds becomes
 * the pooling window's inputs with the same weight (unit-weight routing), multiplying that layer's
 * fan-in by the window. Refuses, naming the layer, the resource and both figures, what the device
 * cannot hold: an unsupported neuron model or layer kind, a weight wider than the device's weights, a
 * fan-in above one core's synapse memory, more cores than the device has.
 */
public final class NetworkCompiler {

    private NetworkCompiler() {
    }

    /** Compiles {@code network} for {@code device}. */
    public static CompiledProgram compile(Network network, DeviceCapabilities device) throws DoesNotFitException {
        network = withPipelineDelay(network, device.pipelineDelay());
        List<CoreAllocation> placement = new ArrayList<>();
        int core = 0;
        long routedWindow = 1;
        List<Layer> layers = network.layers();
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            if (layer instanceof SumPoolLayer pool && isRouting(pool, device)) {
                checkRouting(pool, i + 1 < layers.size() ? layers.get(i + 1) : null, device);
                routedWindow = (long) pool.kernel() * pool.kernel();
                continue;
            }
            checkSupported(layer, device);
            long fanIn = fanIn(layer, routedWindow);
            routedWindow = 1;
            if (fanIn > device.synapsesPerCore()) {
                throw new DoesNotFitException(device.id(), layer.name(), "synapses per neuron (fan-in)", fanIn,
                        device.synapsesPerCore());
            }
            int perCore = (int) Math.min(device.neuronsPerCore(), device.synapsesPerCore() / Math.max(1, fanIn));
            long coresNeeded = core + (layer.neurons() + (long) perCore - 1) / perCore;
            if (coresNeeded > device.cores()) {
                throw new DoesNotFitException(device.id(), layer.name(), "cores", coresNeeded, device.cores());
            }
            for (int first = 0; first < layer.neurons(); first += perCore) {
                int n = Math.min(perCore, layer.neurons() - first);
                placement.add(new CoreAllocation(core, layer.name(), first, n, n * fanIn));
                core++;
            }
        }
        return new CompiledProgram(network, device, placement);
    }

    /** The network with every CUBA layer delayed by at least the device's pipeline delay. */
    private static Network withPipelineDelay(Network network, int delay) {
        if (delay == 0) {
            return network;
        }
        List<Layer> layers = new ArrayList<>();
        for (Layer layer : network.layers()) {
            layers.add(layer.neuron() instanceof CubaLif c && c.delay() < delay ? layer.withNeuron(c.withDelay(delay))
                    : layer);
        }
        return new Network(network.name(), network.inputs(), layers);
    }

    /** Synapses onto the layer's busiest neuron when each of its inputs stands for {@code window} routed ones. */
    private static long fanIn(Layer layer, long window) {
        if (layer instanceof RecurrentLayer r) {
            return r.inputs() * window + r.neurons();
        }
        return layer.maxFanIn() * window;
    }

    /** Whether {@code device} runs {@code pool} as routing rather than on relay neurons. */
    public static boolean isRouting(SumPoolLayer pool, DeviceCapabilities device) {
        return device.layerKinds().contains(pool.kind()) && !device.neuronModels().contains(Relay.KIND);
    }

    /**
     * A routing pool sends each input to at most one pooled output (stride at least the kernel) and feeds
     * a layer with synapses.
     */
    private static void checkRouting(SumPoolLayer pool, Layer next, DeviceCapabilities device)
            throws DoesNotFitException {
        String where = "layer '" + pool.name() + "' does not fit device '" + device.id() + "': sum pooling runs as"
                + " routing into the next layer's synapses (the device has no relay neurons), so ";
        if (next == null || next instanceof SumPoolLayer) {
            throw new DoesNotFitException(where + "it needs a layer with weights after it");
        }
        if (pool.stride() < pool.kernel()) {
            throw new DoesNotFitException(where + "its windows must not overlap (stride " + pool.stride()
                    + " < kernel " + pool.kernel() + ")");
        }
    }

    private static void checkSupported(Layer layer, DeviceCapabilities device) throws DoesNotFitException {
        if (!device.layerKinds().contains(layer.kind())) {
            throw new DoesNotFitException("layer '" + layer.name() + "' does not fit device '" + device.id()
                    + "': layer kind " + layer.kind() + " not supported (supported: "
                    + String.join(", ", device.layerKinds().stream().sorted().toList()) + ")");
        }
        if (!device.neuronModels().contains(layer.neuron().kind())) {
            throw new DoesNotFitException("layer '" + layer.name() + "' does not fit device '" + device.id()
                    + "': neuron model " + layer.neuron().kind() + " not supported (supported: "
                    + String.join(", ", device.neuronModels().stream().sorted().toList()) + ")");
        }
        if (layer.neuron() instanceof CubaLif c) {
            for (Map.Entry<String, Integer> e : c.perNeuronLengths().entrySet()) {
                if (e.getValue() != layer.neurons()) {
                    throw new DoesNotFitException("layer '" + layer.name() + "': " + e.getValue() + " " + e.getKey()
                            + " for " + layer.neurons() + " neurons");
                }
            }
        }
        int exponent = WeightFormat.sharedExponent(layer, device);
        if (exponent < 0) {
            long limit = ((1L << (device.weightBits() - 1)) - 1) << device.maxWeightExponent();
            if (layer.maxAbsWeight() > limit) {
                throw new DoesNotFitException(device.id(), layer.name(), "weight magnitude ("
                        + device.weightBits() + "-bit mantissa, exponent 0.." + device.maxWeightExponent() + ")",
                        layer.maxAbsWeight(), limit);
            }
            throw new DoesNotFitException("layer '" + layer.name() + "' does not fit device '" + device.id()
                    + "': its weights are not " + device.weightBits() + "-bit mantissas sharing one exponent 0.."
                    + device.maxWeightExponent() + " (quantise the layer first)");
        }
    }
}
