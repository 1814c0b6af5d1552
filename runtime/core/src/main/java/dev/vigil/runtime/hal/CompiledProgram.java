package dev.vigil.runtime.hal;

import dev.vigil.runtime.network.Network;

import java.util.List;
import java.util.Locale;

/**
 * A network placed onto a device's cores.
 *
 * @param network    the network
 * @param target     the device it was compiled for
 * @param placement  where each slice of each layer lives
 */
public record CompiledProgram(Network network, DeviceCapabilities target, List<CoreAllocation> placement) {

    public CompiledProgram {
        placement = List.copyOf(placement);
    }

    /** Cores in use. */
    public int coresUsed() {
        return (int) placement.stream().mapToInt(CoreAllocation::core).distinct().count();
    }

    /** The core holding neuron {@code neuron} of layer {@code layer}, or -1 if none does. */
    public int coreOf(String layer, int neuron) {
        for (CoreAllocation a : placement) {
            if (a.layer().equals(layer) && neuron >= a.firstNeuron() && neuron < a.firstNeuron() + a.neurons()) {
                return a.core();
            }
        }
        return -1;
    }

    /** One line per core: layer slice, neurons and synapses used against the core's limits. */
    public String utilisationReport() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "device %s: %,d of %,d cores%n", target.id(), coresUsed(), target.cores()));
        b.append(String.format(Locale.ROOT, "%5s  %-20s %19s %9s %27s %9s%n", "core", "layer", "neurons", "use",
                "synapses", "use"));
        for (CoreAllocation a : placement) {
            b.append(String.format(Locale.ROOT, "%5d  %-20s %9s/%-9s %8.1f%% %13s/%-13s %8.1f%%%n", a.core(), a.layer(),
                    grouped(a.neurons()), grouped(target.neuronsPerCore()), 100.0 * a.neurons() / target.neuronsPerCore(),
                    grouped(a.synapses()), grouped(target.synapsesPerCore()), 100.0 * a.synapses() / target.synapsesPerCore()));
        }
        return b.toString();
    }

    private static String grouped(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
