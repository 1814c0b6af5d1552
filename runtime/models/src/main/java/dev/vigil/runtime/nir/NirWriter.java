package dev.vigil.runtime.nir;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import io.jhdf.exceptions.HdfException;

import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes NIR graphs to HDF5 with jHDF, in the layout NIR's own {@code nir.write} uses and its
 * {@code nir.read} reads: {@code /version}, {@code /node/type = "NIRGraph"}, {@code /node/edges} as
 * N x 2 fixed-length strings, {@code /node/nodes/<name>/type} and one dataset per parameter (float64,
 * or int64 for shapes, strides, paddings, groups and dimensions; scalars as scalar datasets). Nested
 * graphs are written nested. jHDF writes no compression; the files are larger than NIR's gzip ones.
 */
public final class NirWriter {
    /** The NIR version written to {@code /version}: the release whose layout this follows. */
    public static final String VERSION = "1.0.7";
    private static final Set<String> INTEGRAL = Set.of("shape", "stride", "padding", "dilation", "groups",
            "kernel_size", "input_shape", "start_dim", "end_dim", "input_type");

    private NirWriter() {
    }

    /** Writes {@code graph} to {@code file}, replacing it. */
    public static void write(Path file, NirGraph graph) throws IOException {
        try (WritableHdfFile f = HdfFile.write(file)) {
            f.putDataset("version", VERSION);
            writeGraph(f.putGroup("node"), graph);
        } catch (HdfException e) {
            throw new IOException(file + ": cannot write HDF5: " + e.getMessage(), e);
        }
    }

    private static void writeGraph(WritableGroup group, NirGraph graph) {
        group.putDataset("type", "NIRGraph");
        List<NirGraph.Edge> edges = graph.edges();
        String[][] pairs = new String[edges.size()][];
        for (int i = 0; i < pairs.length; i++) {
            pairs[i] = new String[] {edges.get(i).source(), edges.get(i).target()};
        }
        group.putDataset("edges", pairs);
        WritableGroup nodes = group.putGroup("nodes");
        for (Map.Entry<String, NirNode> e : graph.nodes().entrySet()) {
            WritableGroup g = nodes.putGroup(e.getKey());
            if (e.getValue() instanceof NirNode.Graph sub) {
                writeGraph(g, sub.graph());
                continue;
            }
            g.putDataset("type", e.getValue().type());
            for (Map.Entry<String, Tensor> p : parameters(e.getValue()).entrySet()) {
                if (p.getValue() != null) {
                    g.putDataset(p.getKey(), array(p.getValue(), INTEGRAL.contains(p.getKey())));
                }
            }
        }
    }

    /** A node's parameters by NIR name, absent ones null. */
    static Map<String, Tensor> parameters(NirNode node) {
        Map<String, Tensor> p = new LinkedHashMap<>();
        switch (node) {
            case NirNode.Input i -> p.put("shape", i.shape());
            case NirNode.Output o -> p.put("shape", o.shape());
            case NirNode.Affine a -> {
                p.put("weight", a.weight());
                p.put("bias", a.bias());
            }
            case NirNode.Linear l -> p.put("weight", l.weight());
            case NirNode.Conv1d c -> conv(p, c.weight(), c.stride(), c.padding(), c.dilation(), c.groups(), c.bias(),
                    c.inputShape());
            case NirNode.Conv2d c -> conv(p, c.weight(), c.stride(), c.padding(), c.dilation(), c.groups(), c.bias(),
                    c.inputShape());
            case NirNode.SumPool2d s -> pool(p, s.kernelSize(), s.stride(), s.padding());
            case NirNode.AvgPool2d s -> pool(p, s.kernelSize(), s.stride(), s.padding());
            case NirNode.Flatten f -> {
                p.put("start_dim", f.startDim());
                p.put("end_dim", f.endDim());
                p.put("input_type", f.inputType());
            }
            case NirNode.Scale s -> p.put("scale", s.scale());
            case NirNode.Threshold t -> p.put("threshold", t.threshold());
            case NirNode.Delay d -> p.put("delay", d.delay());
            case NirNode.IF i -> {
                p.put("r", i.r());
                p.put("v_threshold", i.vThreshold());
                p.put("v_reset", i.vReset());
            }
            case NirNode.LI l -> {
                p.put("tau", l.tau());
                p.put("r", l.r());
                p.put("v_leak", l.vLeak());
            }
            case NirNode.LIF l -> {
                p.put("tau", l.tau());
                p.put("r", l.r());
                p.put("v_leak", l.vLeak());
                p.put("v_threshold", l.vThreshold());
                p.put("v_reset", l.vReset());
            }
            case NirNode.CubaLI c -> {
                p.put("tau_syn", c.tauSyn());
                p.put("tau_mem", c.tauMem());
                p.put("r", c.r());
                p.put("v_leak", c.vLeak());
                p.put("w_in", c.wIn());
            }
            case NirNode.CubaLIF c -> {
                p.put("tau_syn", c.tauSyn());
                p.put("tau_mem", c.tauMem());
                p.put("r", c.r());
                p.put("v_leak", c.vLeak());
                p.put("v_threshold", c.vThreshold());
                p.put("v_reset", c.vReset());
                p.put("w_in", c.wIn());
            }
            case NirNode.Integrator i -> p.put("r", i.r());
            case NirNode.Graph g -> throw new IllegalArgumentException("a graph has no parameters");
        }
        return p;
    }

    private static void conv(Map<String, Tensor> p, Tensor weight, Tensor stride, Tensor padding, Tensor dilation,
                             Tensor groups, Tensor bias, Tensor inputShape) {
        p.put("weight", weight);
        p.put("stride", stride);
        p.put("padding", padding);
        p.put("dilation", dilation);
        p.put("groups", groups);
        p.put("bias", bias);
        p.put("input_shape", inputShape);
    }

    private static void pool(Map<String, Tensor> p, Tensor kernel, Tensor stride, Tensor padding) {
        p.put("kernel_size", kernel);
        p.put("stride", stride);
        p.put("padding", padding);
    }

    /** The tensor as a Java array of its shape (a boxed scalar for rank 0), float64 or int64. */
    private static Object array(Tensor t, boolean integral) {
        if (t.rank() == 0) {
            return integral ? (Object) (long) t.get(0) : (Object) t.get(0);
        }
        Object out = Array.newInstance(integral ? long.class : double.class, t.shape());
        int[] index = new int[t.rank()];
        for (int i = 0; i < t.size(); i++) {
            Object row = out;
            for (int d = 0; d < index.length - 1; d++) {
                row = Array.get(row, index[d]);
            }
            if (integral) {
                Array.setLong(row, index[index.length - 1], Math.round(t.get(i)));
            } else {
                Array.setDouble(row, index[index.length - 1], t.get(i));
            }
            for (int d = index.length - 1; d >= 0 && ++index[d] == t.dim(d); d--) {
                index[d] = 0;
            }
        }
        return out;
    }
}
