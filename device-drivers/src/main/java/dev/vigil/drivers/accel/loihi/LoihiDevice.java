package dev.vigil.drivers.accel.loihi;

import dev.vigil.drivers.accel.engine.EventEngine;
import dev.vigil.runtime.hal.CompiledProgram;
import dev.vigil.runtime.hal.DeviceCapabilities;
import dev.vigil.runtime.hal.DeviceSession;
import dev.vigil.runtime.hal.DoesNotFitException;
import dev.vigil.runtime.hal.EnergyModel;
import dev.vigil.runtime.hal.NeuromorphicDevice;
import dev.vigil.runtime.network.CubaLif;

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
 * Sum pooling has no neurons on the chip: it is unit-weight routing, each spike of a neuron under a
 * pooling window sent to the synapses of the window's pooled input in the next layer (that layer's
 * fan-in grows by the window; see {@link dev.vigil.runtime.hal.NetworkCompiler}), so average pooling,
 * whose 1/k^2 the importer folds into the next weights, runs the same way. Emulation assumptions
 * beyond the paper: each compartment may have its own current and voltage decays (the chip configures
 * decays per compartment profile; how many profiles a core holds is not modelled), and the voltage may
 * start at any value (Lava's LIF process sets its initial {@code v}).
 * Energy: the paper's Table 1 figures and Loihi's measured idle power ({@link EnergyModel#LOIHI_2018}).
 */
public final class LoihiDevice implements NeuromorphicDevice {
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
            Set.of(CubaLif.KIND), 8, CubaLif.STATE_BITS, CORES, NEURONS_PER_CORE, SYNAPSES_PER_CORE,
            EnergyModel.LOIHI_2018, Set.of("dense", "conv2d", "recurrent", "sumpool2d"), 7, 1);

    @Override
    public DeviceCapabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public DeviceSession open(CompiledProgram program) throws DoesNotFitException {
        if (!program.target().id().equals(ID)) {
            throw new DoesNotFitException("program compiled for '" + program.target().id() + "', not for '" + ID + "'");
        }
        return new EventEngine(program.network(), new LoihiMesh(program));
    }
}
