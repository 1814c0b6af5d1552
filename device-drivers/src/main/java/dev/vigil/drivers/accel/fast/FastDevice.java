package dev.vigil.drivers.accel.fast;

import dev.vigil.drivers.accel.engine.EventEngine;
import dev.vigil.runtime.hal.CompiledProgram;
import dev.vigil.runtime.hal.DeviceCapabilities;
import dev.vigil.runtime.hal.DeviceSession;
import dev.vigil.runtime.hal.DoesNotFitException;
import dev.vigil.runtime.hal.EnergyModel;
import dev.vigil.runtime.hal.NeuromorphicDevice;
import dev.vigil.runtime.network.CubaFormat;
import dev.vigil.runtime.network.CubaLif;
import dev.vigil.runtime.network.NeuronParams;
import dev.vigil.runtime.network.QuantizedRelu;
import dev.vigil.runtime.network.Relay;

import java.util.Set;

/**
 * The fastest emulated device: the event-driven engine with 32-bit integer state and every neuron
 * model and layer kind, without per-core limits worth the name. It stands for a many-core integer
 * LIF accelerator (shift leak as on Xylo-class chips) and is what the benchmark workload runs on.
 * Energy is priced with Loihi's published per-operation figures and idle power for lack of a better public source.
 */
public final class FastDevice implements NeuromorphicDevice {
    /** The id under which the device is found. */
    public static final String ID = "fast";

    private static final DeviceCapabilities CAPABILITIES = new DeviceCapabilities(ID,
            "event-driven emulation: 32-bit integer neurons, every model, no practical limits",
            Set.of(NeuronParams.KIND, CubaLif.KIND, CubaFormat.WIDE.kind(), QuantizedRelu.KIND, Relay.KIND), 32, 32,
            1 << 16, 1 << 20, 1L << 32, EnergyModel.LOIHI_2018, DeviceCapabilities.ALL_LAYER_KINDS, 0, 0);

    @Override
    public DeviceCapabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public DeviceSession open(CompiledProgram program) throws DoesNotFitException {
        if (!program.target().id().equals(ID)) {
            throw new DoesNotFitException("program compiled for '" + program.target().id() + "', not for '" + ID + "'");
        }
        return new EventEngine(program.network(), null);
    }
}
