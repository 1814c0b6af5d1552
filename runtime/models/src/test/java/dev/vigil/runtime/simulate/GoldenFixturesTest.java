package dev.vigil.runtime.simulate;

import dev.vigil.runtime.compile.CompilationResult;
import dev.vigil.runtime.compile.ModelCompiler;
import dev.vigil.runtime.hal.reference.ReferenceDevice;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/**
 * The NIR fixtures (shared/data/nir/FIXTURES.md) on the golden device: every output neuron's spike
 * steps equal fixtures_reference.json's reference exactly.
 */
class GoldenFixturesTest {

    static List<Fixtures.Fixture> fixtures() {
        return Fixtures.all();
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void spikesEqualTheReference(Fixtures.Fixture f) throws Exception {
        ReferenceDevice golden = new ReferenceDevice();
        CompilationResult compiled = ModelCompiler.compile(f.graphFile(), golden.capabilities(), 1e-3);
        SpikeInput input = SpikeInputs.read(f.inputFile(), compiled.inputShape());
        SimulationResult r = Simulation.run(compiled, golden, input, f.steps());
        for (int n = 0; n < r.readouts().size(); n++) {
            assertArrayEquals(f.spikeSteps("reference", n), r.spikeSteps(n), f.name() + " output " + n + "\n"
                    + compiled.report());
        }
    }
}
