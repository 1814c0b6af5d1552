package dev.vigil.drivers.accel.akida;

import dev.vigil.drivers.accel.engine.EmulatedDevice;
import dev.vigil.runtime.hal.DeviceCapabilities;
import dev.vigil.runtime.hal.EnergyModel;
import dev.vigil.runtime.network.ConvLayer;
import dev.vigil.runtime.network.CubaLif;
import dev.vigil.runtime.network.DenseLayer;
import dev.vigil.runtime.network.Layer;
import dev.vigil.runtime.network.QuantizedRelu;
import dev.vigil.runtime.network.RecurrentLayer;
import dev.vigil.runtime.network.Relay;
import dev.vigil.runtime.network.SumPoolLayer;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Akida-class emulated device. What it models, and after which chip:
 * <ul>
 * <li><b>After the first generation, AKD1000</b>, with the figures BrainChip gives for that chip:
 *     80 neural processing units (NPUs), about 100 KB of weight memory each; event-based convolutional
 *     and dense layers whose neurons emit 1-, 2- or 4-bit activations ({@link QuantizedRelu}) as events;
 *     signed weights of 2, 4 or 8 bits or binary {0, 1} weights, the width chosen per layer
 *     ({@link #weightBits(Layer)}), no weight exponent; sum pooling inside the NPU; learning of the last
 *     layer from a few examples ({@link FewShotLearner}). Per NPU: up to 2,048 neurons and 102,400
 *     weights; the compiler splits every layer into NPU-sized slices and refuses, naming layer, resource,
 *     need and limit, a fan-in above one NPU's weights or more NPUs than 80.</li>
 * <li><b>After the second generation, Akida 2.0 IP</b>, whose temporal event-based networks (TENNs,
 *     which BrainChip describes as built on state-space models) and stateful recurrent layers (the
 *     akida 2.7 engine's release notes list a {@code StatefulRecurrent} layer for 2.0 hardware) keep
 *     state from one time step to the next: current-based LIF neurons ({@link CubaLif}) and recurrent
 *     dense layers ({@code "recurrent"}), whose own spikes are routed back into the layer one step
 *     later. The neuron arithmetic is an <em>emulation choice</em>: we know of no public bit-level
 *     description of Akida 2.0's stateful layers, so these neurons use exactly the fixed point the
 *     golden device runs for a compiled {@link CubaLif} layer (12-bit decays rounding toward zero,
 *     24-bit wrapping current, 24-bit saturating voltage, 17-bit threshold, 13-bit bias mantissa with
 *     3-bit exponent). It is what lets a recurrent CubaLIF NIR graph (the NIR paper's Braille network)
 *     run here at all; real Akida 2.0 silicon would need the network converted by BrainChip's tools.</li>
 * <li><b>Kept within AKD1000's limits either way</b>: stateful layers get the same per-NPU neuron and
 *     weight limits, 8-bit weights at most without exponent (the compiler's quantiser caps the weight
 *     exponent at 0 for this device and reports the error), the recurrent weights counted in the NPU's
 *     weight memory (fan-in = inputs + neurons), and a LIF spike travels as one 1-bit event. No pipeline
 *     delay is added: a CUBA layer's delay is the network's own (0 or 1).</li>
 * </ul>
 * No per-operation energy or idle power is published for Akida; Loihi's figures ({@link EnergyModel#LOIHI_2018})
 * stand in and are labelled as such.
 */
public final class AkidaDevice extends EmulatedDevice {
    /** The id under which the device is found. */
    public static final String ID = "akida";
    /** Neural processing units. */
    public static final int NPUS = 80;
    /** Neurons one NPU holds. */
    public static final int NEURONS_PER_NPU = 2048;
    /** Weights one NPU's memory holds (about 100 KB). */
    public static final long WEIGHTS_PER_NPU = 102_400;

    private static final EnergyModel ENERGY = EnergyModel.LOIHI_2018.standingInFor("Akida", EnergyModel.LOIHI_IDLE_W,
            "assumption: Loihi's idle power stands in (" + EnergyModel.LOIHI_IDLE_SOURCE + "); Akida publishes no idle figure");

    private static final DeviceCapabilities CAPABILITIES = new DeviceCapabilities(ID,
            "Akida-class: 80 NPUs, event-based conv/dense, 1/2/4-bit activations, 1/2/4/8-bit weights;"
                    + " stateful CUBA LIF and recurrent dense as on Akida 2.0 (emulated)",
            Set.of(QuantizedRelu.KIND, Relay.KIND, CubaLif.KIND), 8, 32, NPUS, NEURONS_PER_NPU, WEIGHTS_PER_NPU,
            ENERGY, Set.of("dense", "conv2d", "sumpool2d", "recurrent"), 0, 0);

    /** A new device; every session runs on its own engine. */
    public AkidaDevice() {
        super(CAPABILITIES);
    }

    /**
     * The narrowest weight width of the device that holds every weight of {@code layer} (feed-forward and
     * recurrent): 1 bit for binary {0, 1} weights, else signed 2, 4 or 8 bits; 0 for weightless pooling;
     * 32 for weights no width of the device holds (the compiler refuses those).
     */
    public static int weightBits(Layer layer) {
        int[] w = switch (layer) {
            case DenseLayer d -> d.weights();
            case ConvLayer c -> c.weights();
            case RecurrentLayer r -> IntStream.concat(Arrays.stream(r.weights()),
                    Arrays.stream(r.recurrentWeights())).toArray();
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
