package dev.vigil.tests.nir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.tests.TestPaths;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The NIR test fixtures of shared/data/nir (FIXTURES.md) and their reference outputs from
 * fixtures_reference.json, for tests here and in modules that run them on other devices.
 */
public final class Fixtures {
    /** The folder holding the fixtures. */
    public static final Path DIR = TestPaths.shared().resolve("data/nir");

    private static JsonNode reference;

    private Fixtures() {
    }

    /** One fixture: its graph, input file and the per-step input shape the reference used. */
    public record Fixture(String name, String graph, String input, int steps) {

        /** The graph file. */
        public Path graphFile() {
            return DIR.resolve(graph);
        }

        /** The input file. */
        public Path inputFile() {
            return DIR.resolve(input);
        }

        /** The reference's spike steps of output neuron {@code n} under {@code variant} ("reference" or an alternative). */
        public int[] spikeSteps(String variant, int n) {
            JsonNode steps = record(variant).get("output_spike_steps").get(Integer.toString(n));
            int[] out = new int[steps.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = steps.get(i).asInt();
            }
            return out;
        }

        /** The reference's output counts under {@code variant}. */
        public int[] outputCounts(String variant) {
            JsonNode c = record(variant).get("output_counts");
            int[] out = new int[c.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = c.get(i).asInt();
            }
            return out;
        }

        /** The reference's total spikes of each neuron layer, in execution order, under {@code variant}. */
        public List<Integer> layerTotals(String variant) {
            List<Integer> totals = new ArrayList<>();
            record(variant).get("layer_totals").forEach(t -> totals.add(t.asInt()));
            return totals;
        }

        /** The smallest |v - v_threshold| the reference saw in any layer. */
        public double minThresholdMargin() {
            double min = Double.MAX_VALUE;
            for (JsonNode m : record("reference").get("min_threshold_margin")) {
                min = Math.min(min, m.asDouble());
            }
            return min;
        }

        private JsonNode record(String variant) {
            JsonNode f = reference().get("fixtures").get(name.replace("_flat", ""));
            return variant.equals("reference") ? f.get("reference") : f.get("alternatives").get(variant);
        }
    }

    /** The four fixtures and the flat twin of the nested one. */
    public static List<Fixture> all() {
        return List.of(new Fixture("conv_dvs_sumpool_if", "conv_dvs_sumpool_if.nir", "nmnist_sample_frames_1ms.csv", 310),
                new Fixture("conv_dvs_avgpool_lif", "conv_dvs_avgpool_lif.nir", "nmnist_sample_frames_1ms.csv", 310),
                new Fixture("nested_subgraph_cuba", "nested_subgraph_cuba.nir", "nested_subgraph_cuba_input.csv", 300),
                new Fixture("nested_subgraph_cuba_flat", "nested_subgraph_cuba_flat.nir", "nested_subgraph_cuba_input.csv",
                        300),
                new Fixture("conv1d_audio_lif", "conv1d_audio_lif.nir", "conv1d_audio_lif_input.csv", 300));
    }

    private static synchronized JsonNode reference() {
        if (reference == null) {
            try {
                reference = new ObjectMapper().readTree(DIR.resolve("fixtures_reference.json").toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return reference;
    }
}
