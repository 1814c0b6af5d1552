package dev.vigil.tests.nir;

import dev.vigil.drivers.accel.akida.AkidaDevice;
import dev.vigil.drivers.accel.fast.FastDevice;
import dev.vigil.drivers.accel.loihi.LoihiDevice;
import dev.vigil.runtime.compile.CompilationResult;
import dev.vigil.runtime.compile.ModelCompiler;
import dev.vigil.runtime.hal.NeuromorphicDevice;
import dev.vigil.runtime.hal.reference.ReferenceDevice;
import dev.vigil.runtime.nir.NirFormatException;
import dev.vigil.runtime.simulate.Simulation;
import dev.vigil.runtime.simulate.SimulationResult;
import dev.vigil.runtime.simulate.SpikeInput;
import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * NIR's {@code Threshold} and {@code Delay} nodes on every device, against spikes computed here from the
 * NIR definitions under docs/nir.md's choices: a Threshold neuron spikes in a step whose input exceeds its
 * threshold and keeps nothing; a Delay of one step hands the next node the previous step's input. The
 * golden and fast devices give those spikes exactly; the Loihi-class device adds its pipeline's step to
 * a layer without a Delay (docs/nir.md, choice 7) and needs none more for one with it; the Akida-class
 * device runs the network's own delay. A Delay longer than one step is refused naming the layer it feeds,
 * on every device.
 */
class ThresholdAndDelayNodesTest {
    private static final double DT = 1e-3;
    private static final int STEPS = 200;

    @TempDir
    Path tmp;

    static List<NeuromorphicDevice> devices() {
        return List.of(new ReferenceDevice(), new FastDevice(), new LoihiDevice(), new AkidaDevice());
    }

    /** Seeded input: each of {@code inputs} channels gets 0, 1 or 2 events per step. */
    private static int[][] input(int inputs, long seed) {
        Random random = new Random(seed);
        int[][] events = new int[STEPS][];
        for (int s = 0; s < STEPS; s++) {
            List<Integer> e = new ArrayList<>();
            for (int i = 0; i < inputs; i++) {
                int n = random.nextInt(10) < 6 ? 0 : random.nextInt(10) < 7 ? 1 : 2;
                for (int k = 0; k < n; k++) {
                    e.add(i);
                }
            }
            events[s] = e.stream().mapToInt(Integer::intValue).toArray();
        }
        return events;
    }

    private static double[] currents(double[][] weight, int[] events) {
        double[] current = new double[weight.length];
        for (int e : events) {
            for (int n = 0; n < weight.length; n++) {
                current[n] += weight[n][e];
            }
        }
        return current;
    }

    private static int[][] steps(List<List<Integer>> spikes) {
        return spikes.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
    }

    private Path write(String file, Map<String, Map<String, Object>> nodes, String... chain) {
        Path path = tmp.resolve(file);
        try (WritableHdfFile f = HdfFile.write(path)) {
            f.putDataset("version", "0.2.0");
            WritableGroup node = f.putGroup("node");
            node.putDataset("type", "NIRGraph");
            String[][] edges = new String[chain.length - 1][];
            for (int i = 0; i + 1 < chain.length; i++) {
                edges[i] = new String[] {chain[i], chain[i + 1]};
            }
            node.putDataset("edges", edges);
            WritableGroup all = node.putGroup("nodes");
            for (Map.Entry<String, Map<String, Object>> n : nodes.entrySet()) {
                WritableGroup g = all.putGroup(n.getKey());
                n.getValue().forEach(g::putDataset);
            }
        }
        return path;
    }

    private static Map<String, Object> node(String type, Object... params) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", type);
        for (int i = 0; i < params.length; i += 2) {
            p.put((String) params[i], params[i + 1]);
        }
        return p;
    }

    private static SimulationResult run(Path graph, NeuromorphicDevice device, int inputs, int[][] events) throws Exception {
        CompilationResult compiled = ModelCompiler.compile(graph, device.capabilities(), DT);
        return Simulation.run(compiled, device, new SpikeInput(inputs, events), STEPS);
    }

    /** {@code expected} moved {@code by} steps later, spikes past the run dropped. */
    private static int[][] later(int[][] expected, int by) {
        int[][] out = new int[expected.length][];
        for (int n = 0; n < expected.length; n++) {
            out[n] = java.util.Arrays.stream(expected[n]).map(s -> s + by).filter(s -> s < STEPS).toArray();
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("devices")
    void thresholdNeuronsSpikeInEachStepWhoseInputExceedsTheThreshold(NeuromorphicDevice device) throws Exception {
        double[][] weight = {{1, 0, 0}, {0.5, 0.5, 0}, {0.25, 0.5, 1}};
        // Every threshold lies halfway between two reachable input sums, so 8-bit weights cannot move a sum across it.
        double[] threshold = {0.5, 0.75, 1.375};
        Map<String, Map<String, Object>> nodes = new LinkedHashMap<>();
        nodes.put("in", node("Input", "shape", new long[] {3}));
        nodes.put("w", node("Linear", "weight", weight));
        nodes.put("th", node("Threshold", "threshold", threshold));
        nodes.put("out", node("Output", "shape", new long[] {3}));
        Path graph = write("threshold.nir", nodes, "in", "w", "th", "out");
        int[][] events = input(3, 11);
        List<List<Integer>> spikes = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int s = 0; s < STEPS; s++) {
            double[] current = currents(weight, events[s]);
            for (int n = 0; n < 3; n++) {
                if (current[n] > threshold[n]) {
                    spikes.get(n).add(s);
                }
            }
        }
        int[][] expected = steps(spikes);
        assertTrue(expected[0].length > 20 && expected[1].length > 20 && expected[2].length > 10, "the input reaches every"
                + " threshold often: " + java.util.Arrays.deepToString(expected));
        SimulationResult r = run(graph, device, 3, events);
        assertArrayEquals(later(expected, device.capabilities().pipelineDelay()), r.spikeSteps(),
                device.capabilities().id() + " (pipeline delay " + device.capabilities().pipelineDelay() + ")");
    }

    @ParameterizedTest
    @MethodSource("devices")
    void delayNodeOfOneStepHandsTheNeuronThePreviousStepsInput(NeuromorphicDevice device) throws Exception {
        double[][] weight = {{0.375, 0.25}, {0.125, 0.625}};
        Map<String, Map<String, Object>> nodes = new LinkedHashMap<>();
        nodes.put("in", node("Input", "shape", new long[] {2}));
        nodes.put("w", node("Linear", "weight", weight));
        nodes.put("d", node("Delay", "delay", new double[] {DT, DT}));
        nodes.put("if", node("IF", "r", new double[] {1, 1}, "v_threshold", new double[] {1, 1}, "v_reset", new double[] {0, 0}));
        nodes.put("out", node("Output", "shape", new long[] {2}));
        Path delayed = write("delay.nir", nodes, "in", "w", "d", "if", "out");
        nodes.remove("d");
        Path direct = write("direct.nir", nodes, "in", "w", "if", "out");
        int[][] events = input(2, 23);
        double[] v = new double[2];
        List<List<Integer>> spikes = List.of(new ArrayList<>(), new ArrayList<>());
        for (int s = 0; s < STEPS; s++) {
            double[] current = currents(weight, events[s]);
            for (int n = 0; n < 2; n++) {
                v[n] += current[n];
                if (v[n] > 1) {
                    spikes.get(n).add(s);
                    v[n] = 0;
                }
            }
        }
        int[][] undelayed = steps(spikes);
        assertTrue(undelayed[0].length > 20 && undelayed[1].length > 20, java.util.Arrays.deepToString(undelayed));
        int pipeline = device.capabilities().pipelineDelay();
        String id = device.capabilities().id();
        assertArrayEquals(later(undelayed, 1), run(delayed, device, 2, events).spikeSteps(), id + ": with the Delay node");
        assertArrayEquals(later(undelayed, pipeline), run(direct, device, 2, events).spikeSteps(), id + ": without it");
        nodes.put("d", node("Delay", "delay", new double[] {2 * DT, 2 * DT}));
        Path twoSteps = write("delay2.nir", nodes, "in", "w", "d", "if", "out");
        NirFormatException e = assertThrows(NirFormatException.class,
                () -> ModelCompiler.compile(twoSteps, device.capabilities(), DT));
        assertTrue(e.getMessage().contains("layer 'if': delay of 2 steps not supported (0 or 1)"), e.getMessage());
    }
}
