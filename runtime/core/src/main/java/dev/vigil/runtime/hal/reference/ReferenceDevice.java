package dev.vigil.runtime.hal.reference;

import dev.vigil.runtime.hal.CompiledProgram;
import dev.vigil.runtime.hal.DeviceCapabilities;
import dev.vigil.runtime.hal.DeviceSession;
import dev.vigil.runtime.hal.EnergyModel;
import dev.vigil.runtime.hal.NeuromorphicDevice;
import dev.vigil.runtime.network.CubaFormat;
import dev.vigil.runtime.network.CubaLif;
import dev.vigil.runtime.network.NeuronParams;
import dev.vigil.runtime.network.QuantizedRelu;
import dev.vigil.runtime.network.Relay;

import java.util.Set;

/**
 * The golden device: 32-bit integer synaptic sums, every neuron model of the network model, unlimited
 * in practice (one core per layer slice of up to 2^20 neurons), every neuron updated every step.
 */
public final class ReferenceDevice implements NeuromorphicDevice {
    /** The id under which the device is found. */
    public static final String ID = "reference";

    private static final DeviceCapabilities CAPABILITIES = new DeviceCapabilities(ID,
            "golden reference: obvious integer arithmetic, every neuron every step",
            Set.of(NeuronParams.KIND, CubaLif.KIND, CubaFormat.WIDE.kind(), QuantizedRelu.KIND, Relay.KIND), 32, 32,
            1 << 16, 1 << 20, 1L << 32, EnergyModel.LOIHI_2018, DeviceCapabilities.ALL_LAYER_KINDS, 0, 0);

    @Override
    public DeviceCapabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public DeviceSession open(CompiledProgram program) {
        return new ReferenceSession(program.network());
    }
}
