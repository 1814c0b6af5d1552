package dev.vigil.runtime.hal;

import dev.vigil.runtime.network.CubaLif;
import dev.vigil.runtime.network.Layer;
import dev.vigil.runtime.network.Network;

import java.util.ArrayList;
import java.util.List;

/**
 * Places a network onto a device's cores: each layer is split into slices of at most
 * {@code neuronsPerCore} neurons whose synapses (fan-in weights) fit {@code synapsesPerCore}; slices
 * fill cores in order, one layer per core. Refuses, naming the layer, the resource and both figures,
 * what the device cannot hold: an unsupported neuron model or layer kind, a weight wider than the
 * device's weights, a fan-in above one core's synapse memory, more cores than the device has.
 */
public final class NetworkCompiler {

    private NetworkCompiler() {
    }

    /** Compiles {@code network} for {@code device}. */
    public static CompiledProgram compile(Network network, DeviceCapabilities device) throws DoesNotFitException {
        network = withPipelineDelay(network, device.pipelineDelay());
        List<CoreAllocation> placement = new ArrayList<>();
        int core = 0;
        for (Layer layer : network.layers()) {
            checkSupported(layer, device);
            long fanIn = layer.maxFanIn();
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
        if (layer.neuron() instanceof CubaLif c && c.biasMantissas() != null
                && c.biasMantissas().length != layer.neurons()) {
            throw new DoesNotFitException("layer '" + layer.name() + "': " + c.biasMantissas().length
                    + " bias mantissas for " + layer.neurons() + " neurons");
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
