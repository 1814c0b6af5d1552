package dev.vigil.drivers.accel.xylo;

import dev.vigil.drivers.accel.engine.EmulatedDevice;
import dev.vigil.runtime.hal.CompiledProgram;
import dev.vigil.runtime.hal.DeviceCapabilities;
import dev.vigil.runtime.hal.DoesNotFitException;
import dev.vigil.runtime.hal.EnergyModel;
import dev.vigil.runtime.network.Layer;
import dev.vigil.runtime.network.Network;
import dev.vigil.runtime.network.NeuronParams;
import dev.vigil.runtime.network.ResetMode;

import java.util.List;
import java.util.Set;

/**
 * Xylo-class emulated device, after SynSense's XyloAudio 3 as Rockpool documents it ("Overview of the Xylo
 * family"): 16 input channels, 992 hidden and 32 output integer LIF neurons with bit-shift decay
 * ({@code v -= v >> dash}) and subtractive reset, 8-bit weights with one left shift per weight matrix,
 * 16-bit neuron and synapse state; input weights reach at most 128 hidden neurons and output weights
 * come from at most 128.
 * <p>
 * The neurons are Vigil's {@link NeuronParams} model, which is Xylo's with the synaptic current lasting one
 * step (its decay shift at 0): per step {@code v -= v >> leakShift}, then {@code v += input}, a spike and
 * {@code v -= threshold} when {@code v >= threshold}. Input and potential saturate at 16 bits.
 * <p>
 * What it takes, refusing the rest in one line naming the layer and the rule:
 * <ul>
 * <li>one layer, the readout, on the output neurons (at most 32), each input channel passed on by a relay
 *     hidden neuron that the emulation folds away; or two, a hidden layer of at most 128 neurons, then the
 *     readout (the two neuron pools are the device's two "cores": a third layer needs a third core);</li>
 * <li>dense layers; subtractive reset; no refractory period; a leak shift of 1..15 (Xylo's shift 0 clears
 *     the potential every step, where Vigil's 0 means no leak); thresholds within 16 bits;</li>
 * <li>a hidden layer whose input in one step (15 events on every input channel, the chip's most) cannot
 *     exceed its threshold: its neurons then never owe a second event in a step, which Xylo's hidden
 *     neurons would emit (up to 31) and the engine does not.</li>
 * </ul>
 * <p>
 * Emulation choices, beyond the sources: the comparison {@code v >= threshold}; saturation (not wrapping) at
 * 16 bits; the relays' step (on the chip a one-layer network's readout may run a step later); a weight shift of
 * at most 7; the input taken as it comes (the chip takes up to 15 events per channel and step).
 * <p>
 * Energy: static power the idle power SynSense measured on a XyloAudio 3 development kit at a 6.25 MHz core
 * clock, 577.6 µW of SNN core logic, 39.7 µW of I/O and 12.2 µW of analog front end, 629.5 µW in all
 * (Rockpool documentation, "Measuring power consumption on XyloAudio HDK"); per operation Loihi's figures
 * stand in, labelled so, since Xylo publishes none.
 */
public final class XyloDevice extends EmulatedDevice {
    /** The id under which the device is found. */
    public static final String ID = "xylo";
    /** Input channels. */
    public static final int INPUT_CHANNELS = 16;
    /** Hidden neurons. */
    public static final int HIDDEN_NEURONS = 992;
    /** Output (readout) neurons. */
    public static final int OUTPUT_NEURONS = 32;
    /** Hidden neurons input weights reach, and output weights come from. */
    public static final int PROJECTION_NEURONS = 128;
    /** Events one input channel takes in one step. */
    public static final int EVENTS_PER_CHANNEL = 15;
    /** Neuron and synapse state width. */
    public static final int STATE_BITS = 16;
    /** The largest value that width holds, and so the largest threshold. */
    public static final int STATE_MAX = (1 << (STATE_BITS - 1)) - 1;
    /** Largest leak shift. */
    public static final int MAX_LEAK_SHIFT = 15;
    /** Idle power of XyloAudio 3, W: core logic, I/O and analog front end. */
    public static final double IDLE_W = 577.6e-6 + 39.7e-6 + 12.2e-6;

    private static final String IDLE_SOURCE = "XyloAudio 3 idle power 629.5 uW (SNN core logic 577.6, I/O 39.7, analog"
            + " front end 12.2 uW at a 6.25 MHz core clock), measured by SynSense: Rockpool documentation, \"Measuring power"
            + " consumption on XyloAudio HDK\"";

    private static final EnergyModel ENERGY = EnergyModel.LOIHI_2018.standingInFor("Xylo", IDLE_W, IDLE_SOURCE);

    private static final DeviceCapabilities CAPABILITIES = new DeviceCapabilities(ID,
            "Xylo-class: 16 inputs, 992 hidden + 32 output integer LIF (shift leak, subtractive reset), 8-bit weights,"
                    + " 16-bit state, 0.63 mW idle (emulated)",
            Set.of(NeuronParams.KIND), 8, STATE_BITS, 2, HIDDEN_NEURONS,
            (long) INPUT_CHANNELS * PROJECTION_NEURONS + HIDDEN_NEURONS * 64L + (long) PROJECTION_NEURONS * OUTPUT_NEURONS,
            ENERGY, Set.of("dense"), 7, 0);

    /** A new device; every session runs on its own engine. */
    public XyloDevice() {
        super(CAPABILITIES);
    }

    @Override
    protected void check(CompiledProgram program) throws DoesNotFitException {
        Network network = program.network();
        List<Layer> layers = network.layers();
        if (network.inputs() > INPUT_CHANNELS) {
            throw new DoesNotFitException("network '" + network.name() + "' does not fit device '" + ID + "': "
                    + network.inputs() + " input channels, where the chip has " + INPUT_CHANNELS
                    + " (disable the lane this front end belongs to, or set another device.id)");
        }
        for (Layer layer : layers) {
            checkNeurons(layer, (NeuronParams) layer.neuron());
        }
        Layer readout = layers.getLast();
        if (readout.neurons() > OUTPUT_NEURONS) {
            throw new DoesNotFitException(ID, readout.name(), "output neurons", readout.neurons(), OUTPUT_NEURONS);
        }
        if (layers.size() == 2) {
            Layer hidden = layers.getFirst();
            if (hidden.neurons() > PROJECTION_NEURONS) {
                throw new DoesNotFitException(ID, hidden.name(), "hidden neurons input weights reach and output weights"
                        + " come from", hidden.neurons(), PROJECTION_NEURONS);
            }
            long most = mostInputPerStep(hidden);
            int threshold = ((NeuronParams) hidden.neuron()).threshold();
            if (most > threshold) {
                throw new DoesNotFitException("layer '" + hidden.name() + "' does not fit device '" + ID + "': a step's input"
                        + " can reach " + most + " (" + EVENTS_PER_CHANNEL + " events on each input channel) against its threshold " + threshold
                        + ", so a neuron could owe a second event in one step, which Xylo's hidden neurons emit and the"
                        + " emulation does not; lower its weights or raise its threshold");
            }
        }
    }

    private static void checkNeurons(Layer layer, NeuronParams p) throws DoesNotFitException {
        String where = "layer '" + layer.name() + "' does not fit device '" + ID + "': ";
        if (p.reset() != ResetMode.SUBTRACT) {
            throw new DoesNotFitException(where + "its neurons reset to zero, Xylo's by subtracting the threshold;"
                    + " set network.reset: subtract (a model bundle's front end keeps the reset it was trained with:"
                    + " train it again with that setting)");
        }
        if (p.refractorySteps() > 0) {
            throw new DoesNotFitException(where + "a refractory period of " + p.refractorySteps()
                    + " steps, which Xylo's neurons do not have");
        }
        if (p.leakShift() < 1 || p.leakShift() > MAX_LEAK_SHIFT) {
            throw new DoesNotFitException(where + "leak shift " + p.leakShift() + ", where Xylo takes 1.." + MAX_LEAK_SHIFT
                    + " (its shift 0 clears the potential every step; Vigil's 0 means no leak)");
        }
        if (p.threshold() > STATE_MAX) {
            throw new DoesNotFitException(ID, layer.name(), "threshold (16-bit state)", p.threshold(), STATE_MAX);
        }
    }

    /** The most a neuron of {@code layer} can receive in one step, each input carrying the chip's most events. */
    private static long mostInputPerStep(Layer layer) {
        long[] excitation = new long[layer.neurons()];
        for (int i = 0; i < layer.inputs(); i++) {
            layer.fanOut(i, (target, weight) -> excitation[target] += Math.max(0, weight));
        }
        long most = 0;
        for (long e : excitation) {
            most = Math.max(most, e * EVENTS_PER_CHANNEL);
        }
        return most;
    }
}
