package dev.vigil.tests.nir;

import dev.vigil.drivers.accel.akida.AkidaDevice;
import dev.vigil.drivers.accel.fast.FastDevice;
import dev.vigil.drivers.accel.loihi.LoihiDevice;
import dev.vigil.runtime.compile.CompilationResult;
import dev.vigil.runtime.compile.ModelCompiler;
import dev.vigil.runtime.hal.DeviceCapabilities;
import dev.vigil.runtime.hal.DoesNotFitException;
import dev.vigil.runtime.hal.NeuromorphicDevice;
import dev.vigil.runtime.hal.reference.ReferenceDevice;
import dev.vigil.runtime.network.Layer;
import dev.vigil.runtime.network.RecurrentLayer;
import dev.vigil.runtime.network.SumPoolLayer;
import dev.vigil.runtime.simulate.Simulation;
import dev.vigil.runtime.simulate.SimulationResult;
import dev.vigil.runtime.simulate.SpikeInput;
import dev.vigil.runtime.simulate.SpikeInputs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The NIR fixtures (shared/data/nir/FIXTURES.md) against fixtures_reference.json. On the golden and the
 * fast device (the wide fixed point) every output neuron's spike steps equal the reference exactly. On
 * the Loihi- and Akida-class devices (8-bit weights) each compiles, runs bit-exactly as the golden
 * device runs the same program, and every output neuron's count stays within the tolerance its compile
 * report's error implies (docs/nir.md): {@code ceil(20 L e n) + L}, for {@code L} neuron layers, the
 * report's largest relative error {@code e} and the reference count {@code n}. On a chip cut down to one
 * core each fixture is refused naming the layer that does not fit and the cores it needs.
 */
class FixturesTest {
    private static final double DT = 1e-3;
    /** Weighted events a neuron integrates per spike, each carrying the relative error (docs/nir.md). */
    private static final int EVENTS_PER_SPIKE = 20;

    static List<Fixtures.Fixture> fixtures() {
        return Fixtures.all();
    }

    static Stream<Object[]> emulated() {
        return Fixtures.all().stream().flatMap(f -> Stream.of(new Object[] {f, new LoihiDevice()},
                new Object[] {f, new AkidaDevice()}));
    }

    private static SimulationResult run(Fixtures.Fixture f, CompilationResult compiled, NeuromorphicDevice device)
            throws Exception {
        SpikeInput input = SpikeInputs.read(f.inputFile(), compiled.inputShape());
        return Simulation.run(compiled, device, input, f.steps());
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void goldenDeviceReproducesTheReferenceExactly(Fixtures.Fixture f) throws Exception {
        ReferenceDevice golden = new ReferenceDevice();
        CompilationResult compiled = ModelCompiler.compile(f.graphFile(), golden.capabilities(), DT);
        SimulationResult r = run(f, compiled, golden);
        assertEquals(f.outputCounts("reference").length, r.readouts().size());
        for (int n = 0; n < r.readouts().size(); n++) {
            assertArrayEquals(f.spikeSteps("reference", n), r.spikeSteps(n), f.name() + " output " + n + "\n"
                    + compiled.report());
        }
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void fastDeviceGetsTheGoldenProgramAndTheSameSpikes(Fixtures.Fixture f) throws Exception {
        FastDevice fast = new FastDevice();
        CompilationResult compiled = ModelCompiler.compile(f.graphFile(), fast.capabilities(), DT);
        CompilationResult golden = ModelCompiler.compile(f.graphFile(), new ReferenceDevice().capabilities(), DT);
        assertEquals(golden.program().network(), compiled.program().network(), f.name());
        SimulationResult r = run(f, compiled, fast);
        for (int n = 0; n < r.readouts().size(); n++) {
            assertArrayEquals(f.spikeSteps("reference", n), r.spikeSteps(n), f.name() + " output " + n);
        }
    }

    @Test
    void nestedAndFlatRecurrentGraphsCompileToTheSameProgramAndSpikes() throws Exception {
        Fixtures.Fixture nested = Fixtures.all().get(2);
        Fixtures.Fixture flat = Fixtures.all().get(3);
        for (NeuromorphicDevice device : List.of(new ReferenceDevice(), new FastDevice(), new LoihiDevice(), new AkidaDevice())) {
            CompilationResult a = ModelCompiler.compile(nested.graphFile(), device.capabilities(), DT);
            CompilationResult b = ModelCompiler.compile(flat.graphFile(), device.capabilities(), DT);
            List<Layer> la = a.program().network().layers();
            List<Layer> lb = b.program().network().layers();
            assertEquals(List.of("rnn/lif", "lif_out"), la.stream().map(Layer::name).toList());
            assertEquals(List.of("rnn_lif", "lif_out"), lb.stream().map(Layer::name).toList());
            RecurrentLayer ra = (RecurrentLayer) la.getFirst();
            assertEquals(new RecurrentLayer("rnn_lif", ra.inputs(), ra.neurons(), ra.weights(), ra.recurrentWeights(),
                    ra.neuron()), lb.getFirst());
            assertEquals(la.get(1), lb.get(1));
            assertArrayEquals(run(nested, a, device).spikeSteps(), run(flat, b, device).spikeSteps(),
                    device.capabilities().id());
        }
    }

    @ParameterizedTest
    @MethodSource("emulated")
    void emulatedDevicesStayWithinTheirStatedQuantisationError(Fixtures.Fixture f, NeuromorphicDevice device)
            throws Exception {
        CompilationResult compiled = ModelCompiler.compile(f.graphFile(), device.capabilities(), DT);
        SimulationResult actual = run(f, compiled, device);
        SimulationResult golden = run(f, compiled, new ReferenceDevice());
        assertArrayEquals(golden.spikeSteps(), actual.spikeSteps(), "the device runs its program as the golden"
                + " device does");
        long layers = compiled.program().network().layers().stream().filter(l -> !(l instanceof SumPoolLayer))
                .count();
        double error = compiled.model().report().relativeError();
        assertTrue(error > 0 && error < 0.01, "8-bit weights cost some error: " + error);
        int[] reference = f.outputCounts("reference");
        int[] counts = actual.outputCounts();
        for (int n = 0; n < reference.length; n++) {
            long tolerance = (long) Math.ceil(EVENTS_PER_SPIKE * layers * error * reference[n]) + layers;
            assertTrue(Math.abs(counts[n] - reference[n]) <= tolerance, f.name() + " on " + device.capabilities().id()
                    + " output " + n + ": " + counts[n] + " spikes, reference " + reference[n] + ", tolerance "
                    + tolerance + " (relative error " + error + ", " + layers + " layers); counts "
                    + Arrays.toString(counts) + " vs " + Arrays.toString(reference));
        }
    }

    @ParameterizedTest
    @MethodSource("emulated")
    void aChipTooSmallForTheFixtureRefusesItNamingTheLayerAndTheCores(Fixtures.Fixture f, NeuromorphicDevice device)
            throws Exception {
        DeviceCapabilities full = device.capabilities();
        DeviceCapabilities oneCore = new DeviceCapabilities(full.id(), full.description(), full.neuronModels(),
                full.weightBits(), full.stateBits(), 1, full.neuronsPerCore(), full.synapsesPerCore(), full.energy(),
                full.layerKinds(), full.maxWeightExponent(), full.pipelineDelay());
        CompilationResult fits = ModelCompiler.compile(f.graphFile(), full, DT);
        DoesNotFitException e = assertThrows(DoesNotFitException.class, () -> ModelCompiler.compile(f.graphFile(), oneCore, DT));
        Matcher m = Pattern.compile("layer '([^']+)' does not fit device '" + full.id() + "': needs (\\d+) cores, limit 1")
                .matcher(e.getMessage());
        assertTrue(m.matches(), e.getMessage());
        assertTrue(fits.program().network().layers().stream().anyMatch(l -> l.name().equals(m.group(1))), e.getMessage());
        int needed = Integer.parseInt(m.group(2));
        assertTrue(needed > 1 && needed <= fits.program().coresUsed(), e.getMessage() + "; the full chip uses "
                + fits.program().coresUsed() + " cores");
    }
}
