package dev.vigil.tests;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.api.WritableGroup;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The spiking CNN of {@code ../shared/data/nir/conv_dvs_sumpool_if.nir} (2x34x34 events -> conv 8 ->
 * sum pool -> conv 12 -> sum pool -> 32 -> 6), written again with jHDF with its IF neurons as LIF
 * neurons of time constant 1 s (gain {@code dt/tau * r} equal to the IF's {@code r} at dt = 1 ms, a leak
 * of 1/1000 per step, reset to 0): the same weights, thresholds and biases in the NIR nodes this
 * branch's importer takes. On the N-MNIST sample it gives about the fixture's reference output counts.
 */
public final class ConvFixture {
    private static final double TAU = 1.0;
    private static final double DT = 1e-3;

    private ConvFixture() {
    }

    /** The fixture as shipped. */
    public static Path original() {
        return TestPaths.shared().resolve("data/nir/conv_dvs_sumpool_if.nir");
    }

    /** Writes the LIF variant to {@code file}. */
    public static Path withLifNeurons(Path file) {
        try (HdfFile in = new HdfFile(original()); WritableHdfFile out = HdfFile.write(file)) {
            out.putDataset("version", ((Dataset) in.getChild("version")).getData());
            Group node = (Group) in.getChild("node");
            WritableGroup graph = out.putGroup("node");
            graph.putDataset("type", "NIRGraph");
            graph.putDataset("edges", ((Dataset) node.getChild("edges")).getData());
            WritableGroup nodes = graph.putGroup("nodes");
            for (Node n : ((Group) node.getChild("nodes")).getChildren().values()) {
                Group g = (Group) n;
                WritableGroup w = nodes.putGroup(n.getName());
                if ("IF".equals(((Dataset) g.getChild("type")).getData())) {
                    double[] r = values(g, "r");
                    double[] threshold = values(g, "v_threshold");
                    double[] tau = new double[r.length];
                    double[] lifR = new double[r.length];
                    for (int i = 0; i < r.length; i++) {
                        tau[i] = TAU;
                        lifR[i] = r[i] * TAU / DT;
                    }
                    w.putDataset("type", "LIF");
                    w.putDataset("tau", tau);
                    w.putDataset("r", lifR);
                    w.putDataset("v_leak", new double[r.length]);
                    w.putDataset("v_threshold", threshold);
                    w.putDataset("v_reset", new double[r.length]);
                } else {
                    for (Node p : g.getChildren().values()) {
                        w.putDataset(p.getName(), ((Dataset) p).getData());
                    }
                }
            }
        }
        return file;
    }

    private static double[] values(Group g, String name) {
        List<Double> out = new ArrayList<>();
        flatten(((Dataset) g.getChild(name)).getData(), out);
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static void flatten(Object o, List<Double> out) {
        if (o instanceof float[] f) {
            for (float x : f) {
                out.add((double) x);
            }
        } else if (o instanceof Object[] a) {
            for (Object x : a) {
                flatten(x, out);
            }
        }
    }
}
