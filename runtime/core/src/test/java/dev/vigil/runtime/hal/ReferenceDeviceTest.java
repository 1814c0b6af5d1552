package dev.vigil.runtime.hal;

import dev.vigil.runtime.hal.reference.ReferenceDevice;
import dev.vigil.runtime.network.DenseLayer;
import dev.vigil.runtime.network.Network;
import dev.vigil.runtime.network.NeuronParams;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReferenceDeviceTest {

    @Test
    void shiftLeakLifByHand() throws Exception {
        // one input -> one neuron, weight 100, threshold 256, leak v -= v >> 2
        Network net = new Network("n", 1, List.of(new DenseLayer("l", 1, 1, new int[]{100}, NeuronParams.lif(256, 2))));
        ReferenceDevice dev = new ReferenceDevice();
        try (DeviceSession s = dev.open(NetworkCompiler.compile(net, dev.capabilities()))) {
            List<Integer> spikesAt = new ArrayList<>();
            int[] expectedV = {100, 175, 0, 100, 75};
            // step 0: v = 0 - 0 + 100 = 100; step 1: 100 - 25 + 100 = 175;
            // step 2: 175 - 43 + 100 = 232 -> with two inputs: 175 - 43 + 200 = 332 >= 256: spike, v = 0
            // step 3: 0 + 100 = 100; step 4 (no input): 100 - 25 = 75
            int[][] inputs = {{0}, {0}, {0, 0}, {0}, {}};
            for (int step = 0; step < inputs.length; step++) {
                for (int i : inputs[step]) {
                    s.inject(i);
                }
                int st = step;
                s.step(n -> spikesAt.add(st));
                assertEquals(expectedV[step], s.potentials(0)[0], "v after step " + step);
            }
            assertEquals(List.of(2), spikesAt);
            ActivityCounts c = s.counts();
            assertEquals(5, c.synapticOps());
            assertEquals(5, c.neuronUpdates());
            assertEquals(5, c.steps());
            assertEquals(1, c.outputSpikes());
        }
    }

    @Test
    void spikesCrossLayersInTheSameStep() throws Exception {
        Network net = new Network("two", 2, List.of(
                new DenseLayer("a", 2, 2, new int[]{10, 0, 0, 10}, NeuronParams.lif(10, 0)),
                new DenseLayer("b", 2, 1, new int[]{5, 5}, NeuronParams.lif(10, 0))));
        ReferenceDevice dev = new ReferenceDevice();
        try (DeviceSession s = dev.open(NetworkCompiler.compile(net, dev.capabilities()))) {
            s.inject(0);
            s.inject(1);
            List<Integer> out = new ArrayList<>();
            s.step(out::add);
            assertEquals(List.of(0), out);
            assertArrayEquals(new int[]{0, 0}, s.potentials(0));
        }
    }

    @Test
    void compilerRefusesALayerOverTheCoreLimitNamingBothFigures() {
        DeviceCapabilities tiny = new DeviceCapabilities("tiny", "test", java.util.Set.of("lif-shift"), 8, 16, 2, 4, 64,
                EnergyModel.LOIHI_2018);
        Network net = new Network("big", 4, List.of(new DenseLayer("wide", 4, 12, new int[48], NeuronParams.lif(1, 0))));
        DoesNotFitException e = org.junit.jupiter.api.Assertions.assertThrows(DoesNotFitException.class,
                () -> NetworkCompiler.compile(net, tiny));
        assertTrue(e.getMessage().contains("layer 'wide'") && e.getMessage().contains("needs 3 cores, limit 2"), e.getMessage());
    }

    @Test
    void referenceDeviceIsFoundByServiceLoader() {
        assertTrue(Devices.find("reference").isPresent(), "available: " + Devices.ids());
    }

    @Test
    void autoFallsBackToTheGoldenDeviceWhenItIsTheOnlyOneInstalled() {
        // this module's class path holds no other device
        assertEquals("reference", Devices.find(Devices.AUTO).orElseThrow().id(), "available: " + Devices.ids());
        assertTrue(Devices.find("no-such-device").isEmpty());
    }
}
