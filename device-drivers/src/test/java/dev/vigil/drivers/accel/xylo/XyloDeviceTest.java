package dev.vigil.drivers.accel.xylo;

import dev.vigil.drivers.accel.Trace;
import dev.vigil.runtime.hal.DoesNotFitException;
import dev.vigil.runtime.hal.NetworkCompiler;
import dev.vigil.runtime.hal.reference.ReferenceDevice;
import dev.vigil.runtime.network.DenseLayer;
import dev.vigil.runtime.network.Layer;
import dev.vigil.runtime.network.Network;
import dev.vigil.runtime.network.NeuronParams;
import dev.vigil.runtime.network.ResetMode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Xylo-class device: the golden device's spikes within its limits, 16-bit saturation, refusals, idle power. */
class XyloDeviceTest {
    private static final NeuronParams XYLO = new NeuronParams(128, 3, ResetMode.SUBTRACT, 0);

    @Test
    void aFilterbankReadoutRunsAsOnTheGoldenDevice() throws Exception {
        // 16 band channels onto 7 readouts, each synapse as strong as the threshold, some inhibitory: the shape of
        // the built-in above-floor audio front end, with subtractive reset; random input of up to 3 events per
        // channel and step stays far inside 16 bits, so every potential and spike must equal the golden device's
        Random rnd = new Random(5);
        int[] w = new int[16 * 7];
        for (int i = 0; i < 16; i++) {
            w[i * 7 + (i < 4 ? 0 : i < 13 ? 1 : 2)] = 128;
            w[i * 7 + 3] = i >= 4 && i < 13 ? 128 : -128;
            if (i >= 4 && i < 13) {
                w[i * 7 + 4 + (i - 4) / 3] = 128;
            }
        }
        Network net = new Network("audio-front-end", 16, List.of(new DenseLayer("audio-readout", 16, 7, w, XYLO)));
        int[][] events = new int[2_000][];
        for (int s = 0; s < events.length; s++) {
            List<Integer> step = new ArrayList<>();
            for (int ch = 0; ch < 16; ch++) {
                for (int k = rnd.nextInt(8) < 2 ? rnd.nextInt(4) : 0; k > 0; k--) {
                    step.add(ch);
                }
            }
            events[s] = step.stream().mapToInt(Integer::intValue).toArray();
        }
        Trace xylo = Trace.run(new XyloDevice(), net, 0, events);
        Trace golden = Trace.run(new ReferenceDevice(), net, 0, events);
        int spikes = 0;
        for (int s = 0; s < events.length; s++) {
            assertArrayEquals(golden.potentials.get(s), xylo.potentials.get(s), "step " + s);
            assertEquals(golden.spikes.get(s), xylo.spikes.get(s), "step " + s);
            spikes += xylo.spikes.get(s).size();
        }
        assertTrue(spikes > 500, "the readouts spiked " + spikes + " times");
    }

    @Test
    void potentialAndInputSaturateAtSixteenBits() throws Exception {
        // threshold 32,767, weights +-16,256 (127 << 7), leak shift 15 (16,256 >> 15 = 0, -16,256 >> 15 = -1):
        // step 1's 16,256 + 32,512 saturates at 32,767, spikes and subtracts to 0 (the golden device's 32-bit state
        // keeps 48,768 - 32,767 = 16,001); step 4's three events (48,768) saturate at 32,767 before they are added
        // to -16,255, giving 16,512; the potential then falls by 16,256 a step and stops at -32,768
        Network net = new Network("n", 2, List.of(new DenseLayer("l", 2, 1, new int[] {16_256, -16_256},
                new NeuronParams(32_767, 15, ResetMode.SUBTRACT, 0))));
        int[][] events = {{0}, {0, 0}, {}, {1}, {0, 0, 0}, {1}, {1}, {1}, {1}};
        Trace xylo = Trace.run(new XyloDevice(), net, 0, events);
        Trace golden = Trace.run(new ReferenceDevice(), net, 0, events);
        assertArrayEquals(new int[] {16_256, 0, 0, -16_256, 16_512, 256, -16_000, -32_255, -32_768}, xylo.v(0));
        assertArrayEquals(new int[] {1}, xylo.spikeSteps(0));
        assertEquals(16_001, golden.v(0)[1]);
    }

    @Test
    void whatTheChipCannotRunIsRefusedNamingTheLayerAndTheFix() {
        XyloDevice device = new XyloDevice();
        String zero = refusal(device, oneLayer(16, 7, NeuronParams.lif(128, 3)));
        assertTrue(zero.contains("'audio-readout'") && zero.contains("set network.reset: subtract"), zero);
        assertTrue(refusal(device, oneLayer(17, 7, XYLO)).contains("network 'audio-front-end' does not fit device 'xylo': 17 input"
                + " channels, where the chip has 16"));
        assertTrue(refusal(device, oneLayer(16, 33, XYLO)).contains("output neurons"));
        assertTrue(refusal(device, oneLayer(16, 7, new NeuronParams(128, 0, ResetMode.SUBTRACT, 0))).contains("leak shift 0"));
        assertTrue(refusal(device, oneLayer(16, 7, new NeuronParams(128, 3, ResetMode.SUBTRACT, 2))).contains("refractory"));
        Layer hidden = new DenseLayer("hidden", 2, 2, new int[] {1, 0, 0, 1}, new NeuronParams(15, 2, ResetMode.SUBTRACT, 0));
        Layer readout = new DenseLayer("readout", 2, 1, new int[] {1, 1}, XYLO);
        Layer third = new DenseLayer("third", 1, 1, new int[] {1}, XYLO);
        assertTrue(refusal(device, new Network("deep", 2, List.of(hidden, readout, third))).contains("needs 3 cores, limit 2"));
        Layer loud = new DenseLayer("hidden", 2, 2, new int[] {1, 0, 0, 1}, new NeuronParams(14, 2, ResetMode.SUBTRACT, 0));
        String owes = refusal(device, new Network("owes", 2, List.of(loud, readout)));
        assertTrue(owes.contains("'hidden'") && owes.contains("reach 15"), owes);
    }

    @Test
    void aHiddenLayerThatNeverOwesASecondEventRunsAsOnTheGoldenDevice() throws Exception {
        Layer hidden = new DenseLayer("hidden", 2, 2, new int[] {1, 0, 0, 1}, new NeuronParams(15, 2, ResetMode.SUBTRACT, 0));
        Layer readout = new DenseLayer("readout", 2, 1, new int[] {100, 100}, XYLO);
        Network net = new Network("two", 2, List.of(hidden, readout));
        // 15 events on input 0 make hidden 0 spike (100 into the readout), 15 on input 1 hidden 1: 100 - 12 + 100 = 188
        int[][] events = {new int[15], {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, {}};
        Trace xylo = Trace.run(new XyloDevice(), net, 1, events);
        Trace golden = Trace.run(new ReferenceDevice(), net, 1, events);
        for (int s = 0; s < events.length; s++) {
            assertArrayEquals(golden.potentials.get(s), xylo.potentials.get(s), "step " + s);
        }
        assertEquals(golden.spikes, xylo.spikes);
        assertArrayEquals(new int[] {1}, xylo.spikeSteps(0));
    }

    @Test
    void itsIdlePowerIsXyloAudio3sMeasuredOne() {
        var energy = new XyloDevice().capabilities().energy();
        assertEquals(629.5e-6, energy.staticW(), 1e-12);
        assertEquals(629.5e-6 * 3_600, energy.staticJoules(3_600), 1e-9);
        assertTrue(energy.staticSource().contains("XyloAudio 3") && energy.staticSource().contains("Rockpool"));
        assertTrue(energy.source().startsWith("stand-in: Loihi"));
    }

    private static Network oneLayer(int inputs, int readouts, NeuronParams neuron) {
        return new Network("audio-front-end", inputs, List.of(new DenseLayer("audio-readout", inputs, readouts,
                new int[inputs * readouts], neuron)));
    }

    private static String refusal(XyloDevice device, Network net) {
        return assertThrows(DoesNotFitException.class, () -> device.open(NetworkCompiler.compile(net, device.capabilities())))
                .getMessage();
    }
}
