package dev.vigil.runtime.hal;

import dev.vigil.runtime.network.Network;

import java.util.List;

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
}
