package dev.vigil.drivers.accel.loihi;

import dev.vigil.runtime.hal.ActivityCounts;
import dev.vigil.runtime.hal.CompiledProgram;
import dev.vigil.runtime.hal.CoreAllocation;
import dev.vigil.runtime.hal.DeviceSession;
import dev.vigil.runtime.hal.EnergyModel;
import dev.vigil.runtime.hal.NetworkCompiler;
import dev.vigil.runtime.network.CubaLif;
import dev.vigil.runtime.network.DenseLayer;
import dev.vigil.runtime.network.FeatureShape;
import dev.vigil.runtime.network.Network;
import dev.vigil.runtime.network.SumPoolLayer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Spikes crossing cores are counted in mesh hops and priced with Loihi's per-operation energy; sum
 * pooling is routing between cores.
 */
class LoihiRoutingTest {

    @Test
    void countsHopsToEveryCoreHoldingTargets() throws Exception {
        // layer a: 1 neuron on core 0 that spikes on every input; layer b: 1,500 neurons split over
        // cores 1 (1,024) and 2 (476). Cores sit on an 8-wide grid: core 0 -> 1 is 1 hop, 0 -> 2 is 2 hops.
        int[] toB = new int[1500];
        java.util.Arrays.fill(toB, 1);
        Network net = new Network("route", 1, List.of(
                new DenseLayer("a", 1, 1, new int[] {100}, CubaLif.lif(4095, 1)),
                new DenseLayer("b", 1, 1500, toB, CubaLif.lif(0, 1000))));
        LoihiDevice loihi = new LoihiDevice();
        CompiledProgram p = NetworkCompiler.compile(net, loihi.capabilities());
        assertEquals(3, p.coresUsed());
        try (DeviceSession s = loihi.open(p)) {
            s.inject(0);
            List<Integer> out = new ArrayList<>();
            s.step(out::add);
            s.step(out::add);
            s.step(out::add);
            ActivityCounts c = s.counts();
            // input (core 0 -> core 0: 0 hops), then one spike of 'a' (at step 1, after the one-step delay)
            // delivered to cores 1 and 2
            assertEquals(3, c.meshHops());
            assertEquals(1 + 1500, c.synapticOps());
            assertEquals(3 * 1501, c.neuronUpdates());
            double joules = EnergyModel.LOIHI_2018.joules(c, 0);
            double expected = 1501 * 23.6e-12 + (c.neuronUpdates() - c.activeNeuronUpdates()) * 52e-12
                    + c.activeNeuronUpdates() * 81e-12 + c.spikesRouted() * 1.7e-12 + 3 * 3.5e-12;
            assertEquals(expected, joules, 1e-18);
        }
    }

    @Test
    void sumPoolingIsRoutingWithoutCoresAndItsSpikesHopStraightToTheNextLayer() throws Exception {
        // layer a: 4 neurons (a 1x2x2 map) on core 0, each spiking on the input; a 2x2 sum pooling holds no
        // core; layer b: 1,500 neurons on cores 1 (1,024) and 2 (476), each fed by the pooled map through
        // one weight, so its fan-in is the 4 routed neurons of the window
        int[] toB = new int[1500];
        java.util.Arrays.fill(toB, 1);
        Network net = new Network("pool", 1, List.of(
                new DenseLayer("a", 1, 4, new int[] {100, 100, 100, 100}, CubaLif.lif(4095, 1)),
                new SumPoolLayer("pool", new FeatureShape(1, 2, 2), 2, 2),
                new DenseLayer("b", 1, 1500, toB, CubaLif.lif(0, 1000))));
        LoihiDevice loihi = new LoihiDevice();
        CompiledProgram p = NetworkCompiler.compile(net, loihi.capabilities());
        assertEquals(List.of("a", "b", "b"), p.placement().stream().map(CoreAllocation::layer).toList());
        assertEquals(3, p.coresUsed());
        assertTrue(p.utilisationReport().contains("4,096/131,072"), "1,024 neurons x 4 routed synapses: "
                + p.utilisationReport());
        try (DeviceSession s = loihi.open(p)) {
            s.inject(0);
            for (int step = 0; step < 3; step++) {
                s.step(n -> { });
            }
            ActivityCounts c = s.counts();
            // the 4 spikes of 'a' each travel from core 0 to cores 1 and 2 (1 + 2 hops)
            assertEquals(4 * 3, c.meshHops());
            assertEquals(4 + 4 * 1500, c.synapticOps());
        }
    }
}
