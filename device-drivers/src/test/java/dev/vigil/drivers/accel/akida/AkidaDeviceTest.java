package dev.vigil.drivers.accel.akida;

import dev.vigil.drivers.accel.Trace;
import dev.vigil.runtime.hal.DeviceSession;
import dev.vigil.runtime.hal.DoesNotFitException;
import dev.vigil.runtime.hal.NetworkCompiler;
import dev.vigil.runtime.hal.reference.ReferenceDevice;
import dev.vigil.runtime.network.CubaLif;
import dev.vigil.runtime.network.DenseLayer;
import dev.vigil.runtime.network.Network;
import dev.vigil.runtime.network.QuantizedRelu;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hand-computed activations, weight widths, refusals and few-shot learning of the Akida-class device. */
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
    void refusesLifNeuronsAndWideWeightsByName() {
        AkidaDevice akida = new AkidaDevice();
        DoesNotFitException model = assertThrows(DoesNotFitException.class, () -> NetworkCompiler.compile(
                new Network("x", 1, List.of(new DenseLayer("lif", 1, 1, new int[] {1}, CubaLif.lif(100, 10)))),
                akida.capabilities()));
        assertTrue(model.getMessage().contains("'lif'") && model.getMessage().contains("cuba-lif"), model.getMessage());
        DoesNotFitException wide = assertThrows(DoesNotFitException.class, () -> NetworkCompiler.compile(
                new Network("x", 1, List.of(new DenseLayer("wide", 1, 1, new int[] {300}, new QuantizedRelu(1, 1)))),
                akida.capabilities()));
        assertTrue(wide.getMessage().contains("needs 300") && wide.getMessage().contains("limit 127"),
                wide.getMessage());
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
