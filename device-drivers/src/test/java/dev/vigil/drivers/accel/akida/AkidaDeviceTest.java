package dev.vigil.drivers.accel.akida;

import dev.vigil.drivers.accel.Trace;
import dev.vigil.runtime.hal.CompiledProgram;
import dev.vigil.runtime.hal.DeviceSession;
import dev.vigil.runtime.hal.DoesNotFitException;
import dev.vigil.runtime.hal.NetworkCompiler;
import dev.vigil.runtime.hal.reference.ReferenceDevice;
import dev.vigil.runtime.network.CubaLif;
import dev.vigil.runtime.network.DenseLayer;
import dev.vigil.runtime.network.Network;
import dev.vigil.runtime.network.NeuronParams;
import dev.vigil.runtime.network.QuantizedRelu;
import dev.vigil.runtime.network.RecurrentLayer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hand-computed activations, stateful recurrent CUBA layers, weight widths, refusals and few-shot
 * learning of the Akida-class device.
 */
class AkidaDeviceTest {

    @Test
    void multiBitActivationsTravelAsEventsAndClampAtTheirWidth() throws Exception {
        // layer 1: 2-bit activation, step 10: input 7*5 = 35 -> 3 events; 7*2 = 14 -> 1; 7*9 = 63 -> clamps at 3
        // layer 2: weight 4 per event: 3 events -> 12 -> 1-bit activation with step 10 -> 1
        Network net = new Network("a", 1, List.of(
                new DenseLayer("l1", 1, 1, new int[] {7}, new QuantizedRelu(10, 2)),
                new DenseLayer("l2", 1, 1, new int[] {4}, new QuantizedRelu(10, 1))));
        for (var device : List.of(new AkidaDevice(), new ReferenceDevice())) {
            Trace t = Trace.run(device, net, 1, new int[][] {{0, 0, 0, 0, 0}, {0, 0}, new int[9]});
            assertArrayEquals(new int[] {12, 4, 12}, t.v(0), device.capabilities().id());
            assertArrayEquals(new int[] {0, 2}, t.spikeSteps(0));
        }
    }

    @Test
    void weightWidthIsTheNarrowestThatHolds() {
        QuantizedRelu n = new QuantizedRelu(1, 1);
        assertEquals(1, AkidaDevice.weightBits(new DenseLayer("b", 2, 1, new int[] {0, 1}, n)));
        assertEquals(2, AkidaDevice.weightBits(new DenseLayer("t", 2, 1, new int[] {-2, 1}, n)));
        assertEquals(4, AkidaDevice.weightBits(new DenseLayer("q", 2, 1, new int[] {-8, 7}, n)));
        assertEquals(8, AkidaDevice.weightBits(new DenseLayer("o", 2, 1, new int[] {-128, 8}, n)));
    }

    @Test
    void weightWidthCountsTheRecurrentWeights() {
        CubaLif n = CubaLif.lif(0, 10);
        assertEquals(1, AkidaDevice.weightBits(new RecurrentLayer("b", 1, 2, new int[] {0, 1}, new int[] {1, 0, 0, 1},
                n)));
        assertEquals(4, AkidaDevice.weightBits(new RecurrentLayer("q", 1, 2, new int[] {0, 1}, new int[] {1, -5, 0, 1},
                n)));
    }

    @Test
    void refusesShiftLeakNeuronsAndWideWeightsByName() {
        AkidaDevice akida = new AkidaDevice();
        DoesNotFitException model = assertThrows(DoesNotFitException.class, () -> NetworkCompiler.compile(
                new Network("x", 1, List.of(new DenseLayer("lif", 1, 1, new int[] {1}, NeuronParams.lif(10, 4)))),
                akida.capabilities()));
        assertTrue(model.getMessage().contains("'lif'") && model.getMessage().contains("lif-shift"), model.getMessage());
        DoesNotFitException wide = assertThrows(DoesNotFitException.class, () -> NetworkCompiler.compile(
                new Network("x", 1, List.of(new DenseLayer("wide", 1, 1, new int[] {300}, new QuantizedRelu(1, 1)))),
                akida.capabilities()));
        assertTrue(wide.getMessage().contains("needs 300") && wide.getMessage().contains("limit 127"),
                wide.getMessage());
        DoesNotFitException wideLoop = assertThrows(DoesNotFitException.class, () -> NetworkCompiler.compile(
                new Network("x", 1, List.of(new RecurrentLayer("loop", 1, 1, new int[] {3}, new int[] {-200},
                        CubaLif.lif(0, 10)))), akida.capabilities()));
        assertTrue(wideLoop.getMessage().contains("'loop'") && wideLoop.getMessage().contains("needs 200")
                && wideLoop.getMessage().contains("limit 127"), wideLoop.getMessage());
    }

    @Test
    void recurrentCubaLayerFeedsItsOwnSpikesBackOneStepLater() throws Exception {
        // lif(dv = 0, threshold 9): the current lasts one step (du = 4095), the voltage keeps all, spike when
        // v > 9 << 6 = 576. Input -> n0 weight 5 (5 << 6 = 320 per event); recurrent n0 -> n1 = 3 (192),
        // n1 -> n0 = -2 (-128), arriving the step after the spike.
        // n0: 2 events -> 640 > 576 spikes (s0); s2 320, s3 640 spikes; s5, s7 spike; s9 gets n1's -128.
        // n1: s1 192 (n0's s0 spike), s4 384, s6 576 (not above 576), s8 768 spikes.
        Network net = new Network("loop", 1, List.of(new RecurrentLayer("r", 1, 2, new int[] {5, 0},
                new int[] {0, 3, -2, 0}, CubaLif.lif(0, 9))));
        int[][] events = {{0, 0}, {}, {0}, {0}, {}, {0, 0}, {}, {0, 0}, {}, {}};
        AkidaDevice akida = new AkidaDevice();
        for (var device : List.of(akida, new ReferenceDevice())) {
            String id = device.capabilities().id();
            Trace t = Trace.run(device, akida.capabilities(), net, 0, events);
            assertArrayEquals(new int[] {640, 0, 320, 320, 0, 640, 0, 640, 0, -128}, t.u(0), id);
            assertArrayEquals(new int[] {0, 192, 0, 0, 192, 0, 192, 0, 192, 0}, t.u(1), id);
            assertArrayEquals(new int[] {0, 0, 320, 0, 0, 0, 0, 0, 0, -128}, t.v(0), id);
            assertArrayEquals(new int[] {0, 192, 192, 192, 384, 384, 576, 576, 0, 0}, t.v(1), id);
            assertArrayEquals(new int[] {0, 3, 5, 7}, t.spikeSteps(0), id);
            assertArrayEquals(new int[] {8}, t.spikeSteps(1), id);
        }
    }

    @Test
    void eightBitWeightsCanStillWrapTheTwentyFourBitCurrent() throws Exception {
        // 1,100 events on weight 127 in one step: 127 * 1100 << 6 = 8,940,800 > 2^23 wraps to
        // 8,940,800 - 2^24 = -7,836,416; dv = 4095 keeps 1/4096 of v (0 here), so v = u.
        Network net = new Network("wrap", 1, List.of(new DenseLayer("n", 1, 1, new int[] {127},
                new CubaLif(4095, 4095, 0, 0, 100, 0))));
        int[][] events = {new int[1100], {}};
        AkidaDevice akida = new AkidaDevice();
        for (var device : List.of(akida, new ReferenceDevice())) {
            Trace t = Trace.run(device, akida.capabilities(), net, 0, events);
            assertArrayEquals(new int[] {-7_836_416, 0}, t.u(0), device.capabilities().id());
            assertArrayEquals(new int[] {-7_836_416, -1913}, t.v(0), device.capabilities().id());
        }
    }

    @Test
    void statefulLayersOverAnNpuAreRefusedWithBothFigures() {
        AkidaDevice akida = new AkidaDevice();
        // one recurrent neuron on 102,400 inputs: its own loop is the 102,401st weight of its NPU
        DoesNotFitException fanIn = assertThrows(DoesNotFitException.class, () -> NetworkCompiler.compile(
                new Network("x", 102_400, List.of(new RecurrentLayer("wide", 102_400, 1, new int[102_400],
                        new int[1], CubaLif.lif(0, 10)))), akida.capabilities()));
        assertEquals("layer 'wide' does not fit device 'akida': needs 102401 synapses per neuron (fan-in),"
                + " limit 102400", fanIn.getMessage());
        // 2,900 recurrent neurons on one input: fan-in 2,901, so 102,400 / 2,901 = 35 neurons per NPU and
        // ceil(2,900 / 35) = 83 NPUs of 80
        DoesNotFitException npus = assertThrows(DoesNotFitException.class, () -> NetworkCompiler.compile(
                new Network("x", 1, List.of(new RecurrentLayer("big", 1, 2900, new int[2900], new int[2900 * 2900],
                        CubaLif.lif(0, 10)))), akida.capabilities()));
        assertEquals("layer 'big' does not fit device 'akida': needs 83 cores, limit 80", npus.getMessage());
    }

    @Test
    void aRecurrentCubaLayerThatFitsReportsItsNpus() throws Exception {
        // 1,000 recurrent neurons on 48 inputs: fan-in 1,048, 102,400 / 1,048 = 97 neurons per NPU, 11 NPUs,
        // the last holding 30 neurons (31,440 weights)
        CompiledProgram p = NetworkCompiler.compile(new Network("x", 48, List.of(new RecurrentLayer("hidden", 48,
                1000, new int[48_000], new int[1_000_000], CubaLif.lif(0, 10)))), new AkidaDevice().capabilities());
        assertEquals(11, p.coresUsed());
        String report = p.utilisationReport();
        assertTrue(report.contains("11 of 80 cores"), report);
        assertTrue(report.contains("97/2,048") && report.contains("30/2,048"), report);
        assertTrue(report.contains("101,656/102,400") && report.contains("31,440/102,400"), report);
    }

    @Test
    void learnsTheLastLayerFromOneExamplePerClassAndClassifiesNoisyVariants() throws Exception {
        int inputs = 64;
        int classes = 4;
        Random rnd = new Random(5);
        int[][] prototypes = new int[classes][inputs];
        for (int c = 0; c < classes; c++) {
            for (int k = 0; k < 12; k++) {
                prototypes[c][rnd.nextInt(inputs)] += 2;
            }
        }
        Network untrained = new Network("readout", inputs, List.of(new DenseLayer("classes", inputs, classes * 2,
                new int[inputs * classes * 2], new QuantizedRelu(100, 4))));
        FewShotLearner learner = new FewShotLearner(untrained, classes, 10);
        for (int c = 0; c < classes; c++) {
            learner.learn(prototypes[c], c);
        }
        AkidaDevice akida = new AkidaDevice();
        int correct = 0;
        int trials = 40;
        try (DeviceSession s = akida.open(NetworkCompiler.compile(learner.network(), akida.capabilities()))) {
            for (int trial = 0; trial < trials; trial++) {
                int label = trial % classes;
                for (int i = 0; i < inputs; i++) {
                    for (int k = 0; k < prototypes[label][i]; k++) {
                        if (rnd.nextInt(4) != 0) {
                            s.inject(i);
                        }
                    }
                }
                s.inject(rnd.nextInt(inputs));
                List<Integer> ignored = new ArrayList<>();
                s.step(ignored::add);
                if (learner.classify(s.potentials(0)) == label) {
                    correct++;
                }
            }
        }
        assertTrue(correct >= 36, "few-shot readout classified " + correct + " of " + trials);
    }
}
