package dev.vigil.drivers.accel;

import dev.vigil.drivers.accel.akida.AkidaDevice;
import dev.vigil.drivers.accel.fast.FastDevice;
import dev.vigil.drivers.accel.loihi.LoihiDevice;
import dev.vigil.runtime.compile.CompilationResult;
import dev.vigil.runtime.compile.LayerQuantisation;
import dev.vigil.runtime.compile.ModelCompiler;
import dev.vigil.runtime.hal.DeviceSession;
import dev.vigil.runtime.hal.NeuromorphicDevice;
import dev.vigil.runtime.hal.reference.ReferenceDevice;
import dev.vigil.runtime.network.CubaLif;
import dev.vigil.runtime.network.Layer;
import dev.vigil.runtime.network.RecurrentLayer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The NIR paper's experiments (shared/data/nir, see SOURCES.md): Norse's single LIF neuron driven by
 * the input column of the exact solution, and the recurrent CubaLIF Braille network, imported with
 * dt = 0.1 ms (the paper's step).
 */
class NirExperimentTest {
    private static final double DT = 1e-4;
    private static final Path NIR = Path.of(System.getProperty("vigil.shared", "../shared"), "data", "nir");

    private static int[] inputColumn(String csv) throws IOException {
        List<String> lines = Files.readAllLines(NIR.resolve(csv));
        int[] in = new int[lines.size()];
        for (int i = 0; i < in.length; i++) {
            in[i] = (int) Double.parseDouble(lines.get(i).split(",")[0]);
        }
        return in;
    }

    private static int[] spikeSteps(String csv) throws IOException {
        List<String> lines = Files.readAllLines(NIR.resolve(csv));
        List<Integer> steps = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (Double.parseDouble(lines.get(i).split(",")[2]) != 0) {
                steps.add(i);
            }
        }
        return steps.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int[] runLif(NeuromorphicDevice device) throws Exception {
        CompilationResult compiled = ModelCompiler.compile(NIR.resolve("lif_norse.nir"), device.capabilities(), DT);
        int[] input = inputColumn("lif_exact.csv");
        List<Integer> spikes = new ArrayList<>();
        try (DeviceSession s = device.open(compiled.program())) {
            for (int step = 0; step < input.length; step++) {
                if (input[step] != 0) {
                    s.inject(0);
                }
                int now = step;
                s.step(n -> spikes.add(now));
            }
        }
        return spikes.stream().mapToInt(Integer::intValue).toArray();
    }

    @Test
    void lifNeuronSpikesLikeTheExactSolutionOnTheGoldenDevice() throws Exception {
        int[] exact = spikeSteps("lif_exact.csv");
        assertArrayEquals(new int[] {460, 510, 710, 760}, exact, "the data file itself");
        assertArrayEquals(exact, runLif(new ReferenceDevice()));
        assertArrayEquals(exact, runLif(new FastDevice()));
    }

    @Test
    void lifNeuronSpikesWhereLoihiSiliconDid() throws Exception {
        int[] silicon = spikeSteps("lif_lava_loihi_fixed.csv");
        assertArrayEquals(new int[] {461, 511, 711, 761}, silicon, "the data file itself");
        assertArrayEquals(silicon, runLif(new LoihiDevice()));
    }

    @Test
    void lifImportReportsItsQuantisation() throws Exception {
        CompilationResult r = ModelCompiler.compile(NIR.resolve("lif_norse.nir"), new LoihiDevice().capabilities(), DT);
        String report = r.report();
        assertTrue(report.contains("1 of 128 cores"), report);
        assertTrue(report.contains("voltage decay dt/tau = 0.040000 -> 164/4096"), report);
        assertEquals(1, r.model().report().layers().size());
        assertTrue(r.model().report().layers().getFirst().thresholdError() < 1e-3, report);
    }

    private static int[][] brailleInput() {
        Random rnd = new Random(3);
        int[][] input = new int[200][];
        for (int s = 0; s < input.length; s++) {
            List<Integer> events = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                if (rnd.nextInt(5) == 0) {
                    events.add(i);
                }
            }
            input[s] = events.stream().mapToInt(Integer::intValue).toArray();
        }
        return input;
    }

    @Test
    void brailleNetworkRunsOnEveryDeviceBitExactAgainstTheGoldenDevice() throws Exception {
        int[][] input = brailleInput();
        Path braille = NIR.resolve("braille_noDelay_bias_zero.nir");
        List<NeuromorphicDevice> devices = List.of(new ReferenceDevice(), new FastDevice(), new LoihiDevice(),
                new AkidaDevice());
        for (NeuromorphicDevice device : devices) {
            String id = device.capabilities().id();
            CompilationResult compiled = ModelCompiler.compile(braille, device.capabilities(), DT);
            List<Layer> layers = compiled.program().network().layers();
            assertEquals(2, layers.size(), id + ": recurrent lif1, then lif2");
            assertInstanceOf(RecurrentLayer.class, layers.getFirst(), id);
            assertInstanceOf(CubaLif.class, layers.getFirst().neuron(), id);
            List<Integer> golden = runAll(new ReferenceDevice(), compiled, input);
            List<Integer> actual = runAll(device, compiled, input);
            assertEquals(golden, actual, id + " program on golden and on " + id);
            assertFalse(actual.isEmpty(), id + ": the Braille readout emits spikes");
        }
    }

    @Test
    void brailleOnAkidaKeepsItsWeightsWithinEightBitsAndReportsWhatThatCost() throws Exception {
        Path braille = NIR.resolve("braille_noDelay_bias_zero.nir");
        CompilationResult akida = ModelCompiler.compile(braille, new AkidaDevice().capabilities(), DT);
        CompilationResult loihi = ModelCompiler.compile(braille, new LoihiDevice().capabilities(), DT);
        for (Layer layer : akida.program().network().layers()) {
            int bits = AkidaDevice.weightBits(layer);
            assertTrue(bits >= 1 && bits <= 8, layer.name() + " needs " + bits + "-bit weights");
            assertTrue(layer.maxAbsWeight() <= 128, layer.name() + " max |w| " + layer.maxAbsWeight());
        }
        for (int l = 0; l < akida.model().report().layers().size(); l++) {
            LayerQuantisation a = akida.model().report().layers().get(l);
            LayerQuantisation lo = loihi.model().report().layers().get(l);
            assertEquals(0, a.weightExponent(), a.layer());
            assertTrue(a.maxAbsWeightError() > 0, a.layer() + ": float weights do not survive 8 bits exactly");
            assertTrue(a.thresholdError() >= lo.thresholdError(), a.layer()
                    + ": without an exponent the scale is coarser, so the threshold rounds at least as badly");
        }
        String report = akida.report();
        assertTrue(report.contains("of 80 cores") && report.contains("/2,048"), report);
        assertTrue(report.contains("max|dw|"), report);
    }

    @Test
    void twoNeuronDebugGraphImportsAndItsLeakDrivesTheFirstNeuron() throws Exception {
        // lif1 has v_leak = 1.2 above its threshold 1 and tau = 100 steps: without input it charges as
        // 1.2 (1 - 0.99^t) and crosses 1 after about 178 steps, so it fires 5 times in 1,000 steps
        for (NeuromorphicDevice device : List.of(new ReferenceDevice(), new LoihiDevice())) {
            CompilationResult r = ModelCompiler.compile(NIR.resolve("two_lif_neurons.nir"), device.capabilities(), DT);
            assertEquals(2, r.program().network().layers().size());
            try (DeviceSession s = device.open(r.program())) {
                int fired = 0;
                int[] lastV = new int[1];
                for (int step = 0; step < 1000; step++) {
                    s.step(n -> { });
                    int v = s.potentials(0)[0];
                    if (v < lastV[0]) {
                        fired++;
                    }
                    lastV[0] = v;
                }
                assertEquals(5, fired, device.capabilities().id() + ": lif1 resets in 1,000 steps");
            }
        }
    }

    private static List<Integer> runAll(NeuromorphicDevice device, CompilationResult compiled, int[][] input)
            throws Exception {
        List<Integer> out = new ArrayList<>();
        try (DeviceSession s = device.open(compiled.program())) {
            for (int step = 0; step < input.length; step++) {
                for (int e : input[step]) {
                    s.inject(e);
                }
                int now = step;
                s.step(n -> out.add(now * 100 + n));
            }
        }
        return out;
    }
}
