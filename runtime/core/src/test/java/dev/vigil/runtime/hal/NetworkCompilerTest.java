package dev.vigil.runtime.hal;

import dev.vigil.runtime.network.CubaLif;
import dev.vigil.runtime.network.DenseLayer;
import dev.vigil.runtime.network.Network;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Placement, pipeline delay, weight formats and energy, on a small made-up device. */
class NetworkCompilerTest {
    private static final DeviceCapabilities CHIP = new DeviceCapabilities("chip", "test chip", Set.of(CubaLif.KIND),
            4, 24, 4, 10, 100, EnergyModel.LOIHI_2018, Set.of("dense"), 2, 1);

    private static Network dense(int inputs, int neurons, int weight) {
        int[] w = new int[inputs * neurons];
        java.util.Arrays.fill(w, weight);
        return new Network("n", inputs, List.of(new DenseLayer("d", inputs, neurons, w, CubaLif.lif(100, 10))));
    }

    @Test
    void slicesLayersIntoCoresBySynapseMemory() throws Exception {
        // fan-in 20: 100 synapses hold 5 neurons per core, so 12 neurons take 3 cores (5, 5, 2)
        CompiledProgram p = NetworkCompiler.compile(dense(20, 12, 1), CHIP);
        assertEquals(List.of(new CoreAllocation(0, "d", 0, 5, 100), new CoreAllocation(1, "d", 5, 5, 100),
                new CoreAllocation(2, "d", 10, 2, 40)), p.placement());
        assertEquals(2, p.coreOf("d", 11));
        assertTrue(p.utilisationReport().contains("40/100"), p.utilisationReport());
    }

    @Test
    void appliesThePipelineDelayToCurrentBasedLayers() throws Exception {
        CompiledProgram p = NetworkCompiler.compile(dense(2, 2, 1), CHIP);
        assertEquals(1, ((CubaLif) p.network().layers().getFirst().neuron()).delay());
    }

    @Test
    void acceptsMantissaTimesSharedExponentAndRefusesTheRest() throws Exception {
        NetworkCompiler.compile(dense(2, 2, 7 << 2), CHIP);
        DoesNotFitException tooBig = assertThrows(DoesNotFitException.class,
                () -> NetworkCompiler.compile(dense(2, 2, 8 << 2), CHIP));
        assertEquals("layer 'd' does not fit device 'chip': needs 32 weight magnitude (4-bit mantissa, exponent 0..2),"
                + " limit 28", tooBig.getMessage());
        int[] mixed = {1, 16};
        Network net = new Network("n", 2, List.of(new DenseLayer("m", 2, 1, mixed, CubaLif.lif(100, 10))));
        DoesNotFitException e = assertThrows(DoesNotFitException.class, () -> NetworkCompiler.compile(net, CHIP));
        assertTrue(e.getMessage().contains("sharing one exponent"), e.getMessage());
    }

    @Test
    void energyUsesActiveAndInactiveUpdatesAndHops() {
        ActivityCounts c = new ActivityCounts(1000, 100, 50, 5, 10, 40, 20);
        double expected = 1000 * 23.6e-12 + 60 * 52e-12 + 40 * 81e-12 + 50 * 1.7e-12 + 20 * 3.5e-12;
        assertEquals(expected, EnergyModel.LOIHI_2018.dynamicJoules(c), 1e-18);
        assertEquals(expected + 2 * 0.029, EnergyModel.LOIHI_2018.joules(c, 2.0), 1e-15, "plus Loihi's idle power over the run");
    }
}
