package dev.vigil.runtime.hal.reference;

import dev.vigil.runtime.hal.CompiledProgram;
import dev.vigil.runtime.hal.DeviceCapabilities;
import dev.vigil.runtime.hal.DeviceSession;
import dev.vigil.runtime.hal.EnergyModel;
import dev.vigil.runtime.hal.NeuromorphicDevice;

import java.util.Set;

/**
 * The golden device: 32-bit integer state, unlimited in practice (one core per layer slice of up to
 * 2^20 neurons), every neuron updated every step.
 */
public final class ReferenceDevice implements NeuromorphicDevice {
    /** The id under which the device is found. */
    public static final String ID = "reference";

    private static final DeviceCapabilities CAPABILITIES = new DeviceCapabilities(ID,
            "golden reference: obvious integer LIF, every neuron every step", Set.of("lif-shift"), 32, 32,
            1 << 16, 1 << 20, 1L << 32, EnergyModel.LOIHI_2018);

    @Override
    public DeviceCapabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public DeviceSession open(CompiledProgram program) {
        return new ReferenceSession(program.network());
    }
}
