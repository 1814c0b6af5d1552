package dev.vigil.drivers.accel.loihi;

import dev.vigil.drivers.accel.engine.EmulatedDevice;
import dev.vigil.drivers.accel.engine.HopModel;
import dev.vigil.runtime.hal.CompiledProgram;
import dev.vigil.runtime.hal.DeviceCapabilities;
import dev.vigil.runtime.hal.EnergyModel;
import dev.vigil.runtime.network.CubaLif;
import dev.vigil.runtime.network.FixedPoint;

import java.util.Set;

/**
 * Loihi-class emulated device (Davies et al., "Loihi: A Neuromorphic Manycore Processor with On-Chip
 * Learning", IEEE Micro 38(1), 2018): 128 neuromorphic cores of up to 1,024 CUBA LIF compartments,
 * timestep-synchronous, spikes routed on a mesh. Neurons follow Lava's bit-accurate fixed-point model
 * ({@link CubaLif}: 12-bit decays rounding toward zero, 24-bit wrapping current, 24-bit saturating
 * voltage, input and threshold aligned by 2^6, 13-bit bias mantissa with 3-bit exponent). Weights are
 * signed 8-bit mantissas with one exponent 0..7 per layer. Synapse memory: 128 KB per core, counted
 * here as one 8-bit weight per byte (131,072 synapses), a simplification of the real compressed
 * encodings. The dendritic pipeline delivers a spike's current one step later: the compiler sets every
 * layer's delay to 1, which is the one-step lag seen on silicon in the NIR paper's LIF experiment.
 * Energy: the paper's Table 1 figures ({@link EnergyModel#LOIHI_2018}).
 */
public final class LoihiDevice extends EmulatedDevice {
    /** The id under which the device is found. */
    public static final String ID = "loihi";
    /** Cores on one chip. */
    public static final int CORES = 128;
    /** Compartments (neurons) per core. */
    public static final int NEURONS_PER_CORE = 1024;
    /** Synapses per core (128 KB of 8-bit weights). */
    public static final long SYNAPSES_PER_CORE = 128 * 1024;

    private static final DeviceCapabilities CAPABILITIES = new DeviceCapabilities(ID,
            "Loihi-class: 128 cores x 1,024 CUBA LIF, 8-bit weights with exponent, 24-bit state",
            Set.of(CubaLif.KIND), 8, FixedPoint.STATE_BITS, CORES, NEURONS_PER_CORE, SYNAPSES_PER_CORE,
            EnergyModel.LOIHI_2018, Set.of("dense", "conv2d", "recurrent"), 7, 1);

    /** A new device; every session runs on its own engine. */
    public LoihiDevice() {
        super(CAPABILITIES);
    }

    @Override
    protected HopModel hops(CompiledProgram program) {
        return new LoihiMesh(program);
    }
}
