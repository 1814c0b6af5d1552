package dev.vigil.drivers.accel.akida;

import dev.vigil.drivers.accel.engine.EventEngine;
import dev.vigil.runtime.hal.CompiledProgram;
import dev.vigil.runtime.hal.DeviceCapabilities;
import dev.vigil.runtime.hal.DeviceSession;
import dev.vigil.runtime.hal.DoesNotFitException;
import dev.vigil.runtime.hal.EnergyModel;
import dev.vigil.runtime.hal.NeuromorphicDevice;
import dev.vigil.runtime.network.ConvLayer;
import dev.vigil.runtime.network.DenseLayer;
import dev.vigil.runtime.network.Layer;
import dev.vigil.runtime.network.QuantizedRelu;
import dev.vigil.runtime.network.RecurrentLayer;
import dev.vigil.runtime.network.Relay;
import dev.vigil.runtime.network.SumPoolLayer;

import java.util.Set;

/**
 * Akida-class emulated device, profiled after BrainChip's AKD1000 (80 neural processing units, about
 * 100 KB of weight memory each): event-based convolutional and dense layers whose neurons emit
 * 1-, 2- or 4-bit activations ({@link QuantizedRelu}) as events, weights of 1, 2, 4 or 8 bits chosen per
 * layer ({@link #weightBits(Layer)}), sum pooling inside the NPU. Per NPU: up to 2,048 neurons and
 * 102,400 weights. No per-operation energy is published for Akida; Loihi's figures
 * ({@link EnergyModel#LOIHI_2018}) stand in and are labelled as such. The last layer can be fitted on
 * the device from a few examples with {@link FewShotLearner}.
 */
public final class AkidaDevice implements NeuromorphicDevice {
    /** The id under which the device is found. */
    public static final String ID = "akida";
    /** Neural processing units. */
    public static final int NPUS = 80;

    private static final EnergyModel ENERGY = new EnergyModel(23.6e-12, 52e-12, 1.7e-12, 0,
            "stand-in: Loihi figures (Davies et al., IEEE Micro 2018); Akida publishes none per operation", 81e-12, 0);

    private static final DeviceCapabilities CAPABILITIES = new DeviceCapabilities(ID,
            "Akida-class: 80 NPUs, event-based conv/dense, 1/2/4-bit activations, 1/2/4/8-bit weights",
            Set.of(QuantizedRelu.KIND, Relay.KIND), 8, 32, NPUS, 2048, 102_400, ENERGY, Set.of("dense", "conv2d", "sumpool2d"), 0, 0);

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

    /**
     * The narrowest weight width of the device that holds every weight of {@code layer}: 1 bit for
     * binary {0, 1} weights, else signed 2, 4 or 8 bits; 0 for weightless pooling.
     */
    public static int weightBits(Layer layer) {
        int[] w = switch (layer) {
            case DenseLayer d -> d.weights();
            case ConvLayer c -> c.weights();
            case RecurrentLayer r -> r.weights();
            case SumPoolLayer p -> new int[0];
        };
        if (w.length == 0) {
            return 0;
        }
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (int x : w) {
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        if (min >= 0 && max <= 1) {
            return 1;
        }
        for (int bits : new int[] {2, 4, 8}) {
            if (min >= -(1 << (bits - 1)) && max <= (1 << (bits - 1)) - 1) {
                return bits;
            }
        }
        return 32;
    }
}
