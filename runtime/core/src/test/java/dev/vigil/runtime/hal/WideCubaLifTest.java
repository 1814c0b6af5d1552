package dev.vigil.runtime.hal;

import dev.vigil.runtime.hal.reference.ReferenceDevice;
import dev.vigil.runtime.network.CubaFormat;
import dev.vigil.runtime.network.CubaLif;
import dev.vigil.runtime.network.DenseLayer;
import dev.vigil.runtime.network.Network;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The golden device's wide CUBA format, traced by hand: per-neuron decays, initial voltage, constant current. */
class WideCubaLifTest {
    private static final int HALF = 1 << 23;

    @Test
    void perNeuronDecaysInitialVoltageAndConstantCurrentByHand() throws Exception {
        // neuron 0: current keeps 1/2 (du + 1 = 2^23), voltage keeps 3/4 (dv = 2^22), starts at 1000, constant
        // current 100; neuron 1: current lasts one step (du = 2^24 - 1), voltage kept whole, starts at -7.
        CubaLif n = new CubaLif(0, 0, 0, 0, 5000, 0, null, new int[] {HALF - 1, (1 << 24) - 1},
                new int[] {1 << 22, 0}, new int[] {1000, -7}, new int[] {100, 0}, CubaFormat.WIDE);
        Network net = new Network("wide", 1, List.of(new DenseLayer("n", 1, 2, new int[] {1000, -3}, n)));
        ReferenceDevice golden = new ReferenceDevice();
        try (DeviceSession s = golden.open(NetworkCompiler.compile(net, golden.capabilities()))) {
            assertArrayEquals(new int[] {1000, -7}, s.potentials(0), "initial voltages");
            int[][] events = {{0}, {}, {0, 0}, {0, 0}};
            // neuron 0: u = 1100, 650, 325 + 2100 = 2425, 1212 + 2100 = 3312
            //           v = 750 + 1100 = 1850, 1387 + 650 = 2037, 1527 + 2425 = 3952, 2964 + 3312 = 6276 > 5000: 0
            // neuron 1: u = -3, 0, -6, -6; v = -10, -10, -16, -22
            int[][] u = {{1100, -3}, {650, 0}, {2425, -6}, {3312, -6}};
            int[][] v = {{1850, -10}, {2037, -10}, {3952, -16}, {0, -22}};
            List<String> spikes = new ArrayList<>();
            for (int step = 0; step < events.length; step++) {
                for (int e : events[step]) {
                    s.inject(e);
                }
                int now = step;
                s.step(k -> spikes.add(now + ":" + k));
                assertArrayEquals(u[step], s.auxiliaryState(0), "currents after step " + step);
                assertArrayEquals(v[step], s.potentials(0), "voltages after step " + step);
            }
            assertEquals(List.of("3:0"), spikes);
            s.reset();
            assertArrayEquals(new int[] {1000, -7}, s.potentials(0), "reset returns to the initial voltages");
            assertArrayEquals(new int[] {0, 0}, s.auxiliaryState(0));
        }
    }

    @Test
    void loihisFormatHoldsNoConstantCurrentAndArraysMustMatchTheLayer() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new CubaLif(0, 0, 0, 0, 1, 0,
                null, null, null, null, new int[] {1}, CubaFormat.LOIHI));
        assertTrue(e.getMessage().contains("holds no constant input current"), e.getMessage());
        CubaLif twoDecays = new CubaLif(0, 0, 0, 0, 1, 0, null, null, new int[] {1, 2}, null, null, CubaFormat.WIDE);
        Network net = new Network("n", 1, List.of(new DenseLayer("three", 1, 3, new int[3], twoDecays)));
        DoesNotFitException d = assertThrows(DoesNotFitException.class,
                () -> NetworkCompiler.compile(net, new ReferenceDevice().capabilities()));
        assertEquals("layer 'three': 2 voltage decays for 3 neurons", d.getMessage());
    }
}
