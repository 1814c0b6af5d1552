package dev.vigil.runtime.compile;

import dev.vigil.runtime.hal.DeviceCapabilities;
import dev.vigil.runtime.hal.EnergyModel;
import dev.vigil.runtime.hal.reference.ReferenceDevice;
import dev.vigil.runtime.network.ConvLayer;
import dev.vigil.runtime.network.CubaLif;
import dev.vigil.runtime.network.DenseLayer;
import dev.vigil.runtime.network.Layer;
import dev.vigil.runtime.network.RecurrentLayer;
import dev.vigil.runtime.network.Relay;
import dev.vigil.runtime.network.SumPoolLayer;
import dev.vigil.runtime.nir.NirGraph;
import dev.vigil.runtime.nir.NirReader;
import dev.vigil.runtime.nir.NirWriter;
import dev.vigil.runtime.simulate.Simulation;
import dev.vigil.runtime.simulate.SpikeInput;
import dev.vigil.runtime.simulate.SpikeInputs;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Export round trip: import, compile, export as NIR (jHDF), import, compile again gives the same integer
 * program (layer names aside: {@code /} becomes {@code .}) and the same spikes, in the golden device's
 * wide format and in Loihi's.
 */
class NirExportTest {
    private static final Path NIR = Path.of(System.getProperty("vigil.shared", "../shared"), "data", "nir");

    @TempDir
    Path tmp;

    /** Loihi's fixed point (8-bit weight mantissas, exponent 0..7), pooling as relay layers. */
    private static DeviceCapabilities loihiFormat() {
        return new DeviceCapabilities("loihi-format", "Loihi's fixed point", Set.of(CubaLif.KIND, Relay.KIND), 8, 24,
                128, 1024, 1 << 17, EnergyModel.LOIHI_2018, DeviceCapabilities.ALL_LAYER_KINDS, 7, 0);
    }

    @ParameterizedTest
    @CsvSource({"conv_dvs_sumpool_if.nir, nmnist_sample_frames_1ms.csv, 0.001",
            "conv_dvs_avgpool_lif.nir, nmnist_sample_frames_1ms.csv, 0.001",
            "nested_subgraph_cuba.nir, nested_subgraph_cuba_input.csv, 0.001",
            "conv1d_audio_lif.nir, conv1d_audio_lif_input.csv, 0.001",
            "braille_noDelay_bias_zero.nir, nested_subgraph_cuba_input.csv, 0.0001",
            "lif_norse.nir, , 0.0001"})
    void exportedModelReimportsToTheSameProgramAndSpikes(String model, String input, double dt) throws Exception {
        for (DeviceCapabilities target : List.of(new ReferenceDevice().capabilities(), loihiFormat())) {
            CompilationResult first = ModelCompiler.compile(NIR.resolve(model), target, dt);
            Path exported = tmp.resolve(target.id() + "-" + model);
            NirWriter.write(exported, NirExport.graph(first));
            NirGraph read = NirReader.read(exported);
            CompilationResult second = ModelCompiler.compile(exported, target, dt);
            List<Layer> a = first.program().network().layers();
            List<Layer> b = second.program().network().layers();
            assertEquals(a.size(), b.size(), model + " on " + target.id() + ": " + read.nodes().keySet());
            for (int l = 0; l < a.size(); l++) {
                assertEquals(renamed(a.get(l), b.get(l).name()), b.get(l), model + " on " + target.id() + " layer " + l);
            }
            assertArrayEquals(first.inputShape(), second.inputShape());
            if (input != null) {
                SpikeInput in = SpikeInputs.read(NIR.resolve(input), first.inputShape());
                ReferenceDevice golden = new ReferenceDevice();
                assertArrayEquals(Simulation.run(first, golden, in, 0).spikeSteps(),
                        Simulation.run(second, golden, in, 0).spikeSteps(), model + " on " + target.id());
            }
        }
    }

    private static Layer renamed(Layer layer, String name) {
        return switch (layer) {
            case DenseLayer d -> new DenseLayer(name, d.inputs(), d.neurons(), d.weights(), d.neuron());
            case RecurrentLayer r -> new RecurrentLayer(name, r.inputs(), r.neurons(), r.weights(),
                    r.recurrentWeights(), r.neuron());
            case ConvLayer c -> new ConvLayer(name, c.input(), c.outChannels(), c.kernelHeight(), c.kernelWidth(),
                    c.strideY(), c.strideX(), c.padY(), c.padX(), c.groups(), c.weights(), c.neuron());
            case SumPoolLayer p -> new SumPoolLayer(name, p.input(), p.kernel(), p.stride());
        };
    }
}
