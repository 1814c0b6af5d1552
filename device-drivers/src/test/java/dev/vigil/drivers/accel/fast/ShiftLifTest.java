package dev.vigil.drivers.accel.fast;

import dev.vigil.drivers.accel.Trace;
import dev.vigil.runtime.hal.NeuromorphicDevice;
import dev.vigil.runtime.hal.reference.ReferenceDevice;
import dev.vigil.runtime.network.DenseLayer;
import dev.vigil.runtime.network.Network;
import dev.vigil.runtime.network.NeuronParams;
import dev.vigil.runtime.network.ResetMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Hand-computed traces of the shift-leak integer LIF on the fast device and the golden device. */
class ShiftLifTest {

    static Stream<NeuromorphicDevice> devices() {
        return Stream.of(new FastDevice(), new ReferenceDevice());
    }

    @ParameterizedTest
    @MethodSource("devices")
    void leakIsCeilingOfFifteenSixteenthsAndNegativeValuesCreepToZero(NeuromorphicDevice device) throws Exception {
        // weights +300 / -20 on one neuron, shift 4, threshold 1000:
        // +300 -> 300; 300 - 18 = 282; 282 - 17 = 265; then -20: 265 - 16 - 20 = 229
        Network net = new Network("n", 2, List.of(new DenseLayer("l", 2, 1, new int[] {300, -20},
                NeuronParams.lif(1000, 4))));
        Trace t = Trace.run(device, net, 0, new int[][] {{0}, {}, {}, {1}});
        assertArrayEquals(new int[] {300, 282, 265, 229}, t.v(0));
        // -20 alone: -20, then -20 - (-2) = -18, -18 - (-2) = -16, -16 - (-1) = -15, -15 - (-1) = -14
        Trace neg = Trace.run(device, net, 0, new int[][] {{1}, {}, {}, {}, {}});
        assertArrayEquals(new int[] {-20, -18, -16, -15, -14}, neg.v(0));
    }

    @Test
    void skippingQuietBlocksLeavesEveryPotentialAsTheGoldenDeviceHasIt() throws Exception {
        // 1,300 neurons (6 blocks of 256) and sparse input: most blocks are quiet most of the time
        Random rnd = new Random(9);
        int inputs = 40;
        int[] w = new int[inputs * 1300];
        for (int i = 0; i < w.length; i++) {
            w[i] = rnd.nextInt(8) == 0 ? rnd.nextInt(401) - 150 : 0;
        }
        Network net = new Network("wide", inputs, List.of(new DenseLayer("l", inputs, 1300, w,
                NeuronParams.lif(200, 3))));
        int[][] events = new int[300][];
        for (int s = 0; s < events.length; s++) {
            events[s] = rnd.nextInt(4) == 0 ? new int[] {rnd.nextInt(inputs)} : new int[0];
        }
        Trace fast = Trace.run(new FastDevice(), net, 0, events);
        Trace golden = Trace.run(new ReferenceDevice(), net, 0, events);
        for (int s = 0; s < events.length; s++) {
            assertArrayEquals(golden.potentials.get(s), fast.potentials.get(s), "step " + s);
            assertEquals(golden.spikes.get(s), fast.spikes.get(s), "step " + s);
        }
    }

    @ParameterizedTest
    @MethodSource("devices")
    void subtractiveResetAndRefractoryPeriod(NeuromorphicDevice device) throws Exception {
        // no leak, threshold 100, reset by subtraction, 2 refractory steps; input 150 each step:
        // 150 -> spike, v = 50; two silent steps ignore input; then 200 -> spike, v = 100; silent, silent
        Network net = new Network("n", 1, List.of(new DenseLayer("l", 1, 1, new int[] {150},
                new NeuronParams(100, 0, ResetMode.SUBTRACT, 2))));
        Trace t = Trace.run(device, net, 0, new int[][] {{0}, {0}, {0}, {0}, {0}, {0}});
        assertArrayEquals(new int[] {50, 50, 50, 100, 100, 100}, t.v(0));
        assertArrayEquals(new int[] {0, 3}, t.spikeSteps(0));
    }
}
