package dev.vigil.drivers.accel;

import dev.vigil.drivers.accel.loihi.LoihiDevice;
import dev.vigil.runtime.hal.CompiledProgram;
import dev.vigil.runtime.hal.DoesNotFitException;
import dev.vigil.runtime.hal.NetworkCompiler;
import dev.vigil.runtime.network.CubaLif;
import dev.vigil.runtime.network.DenseLayer;
import dev.vigil.runtime.network.FeatureShape;
import dev.vigil.runtime.network.Network;
import dev.vigil.runtime.network.NeuronParams;
import dev.vigil.runtime.network.SumPoolLayer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The compiler refuses what does not fit a Loihi-class chip, naming layer, resource and figures. */
class CompilerLimitsTest {
    private final LoihiDevice loihi = new LoihiDevice();

    private static Network dense(String name, int inputs, int neurons) {
        return new Network("n", inputs, List.of(new DenseLayer(name, inputs, neurons, new int[inputs * neurons],
                CubaLif.lif(410, 100))));
    }

    @Test
    void refusesAFanInAboveOneCoresSynapseMemory() {
        DoesNotFitException e = assertThrows(DoesNotFitException.class,
                () -> NetworkCompiler.compile(dense("wide", 140_000, 1), loihi.capabilities()));
        assertEquals("layer 'wide' does not fit device 'loihi': needs 140000 synapses per neuron (fan-in), limit 131072",
                e.getMessage());
    }

    @Test
    void refusesMoreCoresThanTheChipHas() {
        // 1,024 inputs: 128 neurons per core fit 131,072 synapses, so 20,000 neurons need 157 cores > 128
        DoesNotFitException e = assertThrows(DoesNotFitException.class,
                () -> NetworkCompiler.compile(dense("big", 1024, 20_000), loihi.capabilities()));
        assertEquals("layer 'big' does not fit device 'loihi': needs 157 cores, limit 128", e.getMessage());
    }

    @Test
    void refusesANeuronModelTheChipLacks() {
        Network net = new Network("n", 1, List.of(new DenseLayer("shift", 1, 1, new int[] {1},
                NeuronParams.lif(10, 4))));
        DoesNotFitException e = assertThrows(DoesNotFitException.class,
                () -> NetworkCompiler.compile(net, loihi.capabilities()));
        assertTrue(e.getMessage().contains("'shift'") && e.getMessage().contains("lif-shift"), e.getMessage());
    }

    @Test
    void fittingNetworkReportsUtilisationPerCore() throws Exception {
        CompiledProgram p = NetworkCompiler.compile(dense("hidden", 100, 2500), loihi.capabilities());
        assertEquals(3, p.coresUsed());
        String report = p.utilisationReport();
        assertTrue(report.contains("3 of 128 cores"), report);
        assertTrue(report.contains("1,024/1,024") && report.contains("452/1,024"), report);
        assertTrue(report.contains("102,400/131,072") && report.contains("78.1%"), report);
    }

    @Test
    void refusesSumPoolingThatCannotBeRouted() {
        FeatureShape map = new FeatureShape(1, 4, 4);
        Network last = new Network("n", 16, List.of(new DenseLayer("a", 16, 16, new int[256], CubaLif.lif(0, 10)),
                new SumPoolLayer("tail", map, 2, 2)));
        DoesNotFitException e = assertThrows(DoesNotFitException.class,
                () -> NetworkCompiler.compile(last, loihi.capabilities()));
        assertEquals("layer 'tail' does not fit device 'loihi': sum pooling runs as routing into the next layer's"
                + " synapses (the device has no relay neurons), so it needs a layer with weights after it", e.getMessage());
        Network overlapping = new Network("n", 16, List.of(new DenseLayer("a", 16, 16, new int[256],
                CubaLif.lif(0, 10)), new SumPoolLayer("slide", map, 2, 1),
                new DenseLayer("b", 9, 1, new int[9], CubaLif.lif(0, 10))));
        DoesNotFitException o = assertThrows(DoesNotFitException.class,
                () -> NetworkCompiler.compile(overlapping, loihi.capabilities()));
        assertTrue(o.getMessage().endsWith("its windows must not overlap (stride 1 < kernel 2)"), o.getMessage());
    }
}
