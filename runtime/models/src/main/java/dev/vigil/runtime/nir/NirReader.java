package dev.vigil.runtime.nir;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.filter.PipelineFilterWithData;

import java.lang.reflect.Array;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads NIR graphs from HDF5 files with jHDF (pure Java). Layout: {@code /version},
 * {@code /node/type = "NIRGraph"}, {@code /node/nodes/<name>/type} plus one dataset per parameter,
 * {@code /node/edges} as N x 2 strings; a node of type {@code NIRGraph} nests the same layout. A node
 * type or parameter this importer does not know is refused by name (nested nodes named
 * {@code graph/node}), as is a dataset larger than {@value #MAX_VALUES} values. Read past without
 * complaint: {@code metadata}, {@code input_type} and {@code output_type} entries (NIR writes types
 * on some nodes), a convolution's padding given as {@code "valid"} or {@code "same"}.
 */
public final class NirReader {
    /** Largest dataset read, in values (a hostile file cannot make the reader allocate more). */
    public static final long MAX_VALUES = 1L << 26;
    /** HDF5 filter ids (registered with The HDF Group): LZ4, and bitshuffle with its compression option. */
    private static final int LZ4_FILTER = 32004;
    private static final int BITSHUFFLE_FILTER = 32008;
    private static final int BITSHUFFLE_COMPRESSION = 4;
    private static final int BITSHUFFLE_LZ4 = 2;

    private NirReader() {
    }

    /** Reads the graph in {@code file}. */
    public static NirGraph read(Path file) throws NirFormatException {
        String name = file.toString();
        try (HdfFile hdf = new HdfFile(file)) {
            String version = hdf.getChildren().containsKey("version") ? string(name, hdf.getChild("version"), "version")
                    : "";
            Node root = hdf.getChild("node");
            if (!(root instanceof Group graph)) {
                throw new NirFormatException(name, "no /node group");
            }
            return readGraph(name, graph, version, "");
        } catch (NirFormatException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new NirFormatException(name, "unreadable HDF5: " + e.getMessage());
        }
    }

    private static NirGraph readGraph(String file, Group graph, String version, String path)
            throws NirFormatException {
        String where = path.isEmpty() ? "/node" : "node '" + path + "'";
        String type = string(file, graph.getChild("type"), where + " type");
        if (!"NIRGraph".equals(type)) {
            throw new NirFormatException(file, where + " type is '" + type + "', expected 'NIRGraph'");
        }
        if (!(graph.getChild("nodes") instanceof Group nodesGroup)) {
            throw new NirFormatException(file, where + " has no nodes group");
        }
        Map<String, NirNode> nodes = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : nodesGroup.getChildren().entrySet()) {
            String name = path.isEmpty() ? e.getKey() : path + "/" + e.getKey();
            if (!(e.getValue() instanceof Group g)) {
                throw new NirFormatException(file, "node '" + name + "' is not a group");
            }
            nodes.put(e.getKey(), readNode(file, name, g, version));
        }
        List<NirGraph.Edge> edges = readEdges(file, graph.getChild("edges"), nodes, where);
        return new NirGraph(version, nodes, edges);
    }

    private static List<NirGraph.Edge> readEdges(String file, Node node, Map<String, NirNode> nodes, String where)
            throws NirFormatException {
        List<NirGraph.Edge> edges = new ArrayList<>();
        if (node == null) {
            return edges;
        }
        if (!(node instanceof Dataset ds)) {
            throw new NirFormatException(file, where + " edges is not a dataset");
        }
        checkSize(file, ds, where + " edges");
        checkFilters(file, ds, where + " edges");
        Object data = ds.isEmpty() ? new String[0] : ds.getDataFlat();
        if (!(data instanceof String[] flat) || flat.length % 2 != 0) {
            throw new NirFormatException(file, where + " edges must be N x 2 strings");
        }
        for (int i = 0; i < flat.length; i += 2) {
            for (int k = 0; k < 2; k++) {
                if (!NirGraph.resolves(nodes, flat[i + k])) {
                    throw new NirFormatException(file, (where.equals("/node") ? "" : where + ": ") + "edge " + (i / 2)
                            + " names unknown node '" + flat[i + k] + "'");
                }
            }
            edges.add(new NirGraph.Edge(flat[i], flat[i + 1]));
        }
        return edges;
    }

    private static NirNode readNode(String file, String name, Group g, String version) throws NirFormatException {
        String type = string(file, g.getChild("type"), "node '" + name + "' type");
        if (type.equals("NIRGraph")) {
            return new NirNode.Graph(readGraph(file, g, version, name));
        }
        Set<String> accepted = NirNode.PARAMETERS.get(type);
        if (accepted == null) {
            throw new NirFormatException(file, "node '" + name + "': unsupported node type '" + type + "'");
        }
        Map<String, Tensor> p = new HashMap<>();
        for (Map.Entry<String, Node> e : g.getChildren().entrySet()) {
            String param = e.getKey();
            if (param.equals("type") || !accepted.contains(param) && NirNode.IGNORED.contains(param)) {
                continue;
            }
            if (!accepted.contains(param)) {
                throw new NirFormatException(file, "node '" + name + "' (" + type + "): unsupported parameter '"
                        + param + "'");
            }
            p.put(param, tensor(file, name, param, e.getValue()));
        }
        if ((type.equals("Conv1d") || type.equals("Conv2d")) && g.getChild("padding") instanceof Dataset pad
                && pad.getData() instanceof String mode) {
            p.put("padding", namedPadding(file, name, mode, p.get("weight"), p.get("dilation")));
        }
        if (type.equals("Input") && !p.containsKey("shape") && p.containsKey("input_type")) {
            p.put("shape", p.get("input_type"));
        }
        Set<String> missing = new TreeSet<>(NirNode.REQUIRED.get(type));
        if (type.equals("Input")) {
            missing.add("shape");
        }
        missing.removeAll(p.keySet());
        if (!missing.isEmpty()) {
            throw new NirFormatException(file, "node '" + name + "' (" + type + "): missing parameter(s) " + missing);
        }
        return switch (type) {
            case "Input" -> new NirNode.Input(p.get("shape"));
            case "Output" -> new NirNode.Output(p.get("shape"));
            case "Affine" -> new NirNode.Affine(p.get("weight"), p.get("bias"));
            case "Linear" -> new NirNode.Linear(p.get("weight"));
            case "Conv1d" -> new NirNode.Conv1d(p.get("weight"), p.get("stride"), p.get("padding"), p.get("dilation"),
                    p.get("groups"), p.get("bias"), p.get("input_shape"));
            case "Conv2d" -> new NirNode.Conv2d(p.get("weight"), p.get("stride"), p.get("padding"), p.get("dilation"),
                    p.get("groups"), p.get("bias"), p.get("input_shape"));
            case "SumPool2d" -> new NirNode.SumPool2d(p.get("kernel_size"), p.get("stride"), p.get("padding"));
            case "AvgPool2d" -> new NirNode.AvgPool2d(p.get("kernel_size"), p.get("stride"), p.get("padding"));
            case "Flatten" -> new NirNode.Flatten(p.get("start_dim"), p.get("end_dim"), p.get("input_type"));
            case "Scale" -> new NirNode.Scale(p.get("scale"));
            case "Threshold" -> new NirNode.Threshold(p.get("threshold"));
            case "Delay" -> new NirNode.Delay(p.get("delay"));
            case "IF" -> new NirNode.IF(p.get("r"), p.get("v_threshold"), p.get("v_reset"));
            case "LI" -> new NirNode.LI(p.get("tau"), p.get("r"), p.get("v_leak"));
            case "LIF" -> new NirNode.LIF(p.get("tau"), p.get("r"), p.get("v_leak"), p.get("v_threshold"),
                    p.get("v_reset"));
            case "CubaLI" -> new NirNode.CubaLI(p.get("tau_syn"), p.get("tau_mem"), p.get("r"), p.get("v_leak"),
                    p.get("w_in"));
            case "CubaLIF" -> new NirNode.CubaLIF(p.get("tau_syn"), p.get("tau_mem"), p.get("r"), p.get("v_leak"),
                    p.get("v_threshold"), p.get("v_reset"), p.get("w_in"));
            case "I", "Integrator" -> new NirNode.Integrator(p.get("r"));
            default -> throw new NirFormatException(file, "node '" + name + "': unsupported node type '" + type + "'");
        };
    }

    /**
     * A convolution's padding named as PyTorch names it: {@code "valid"} is none, {@code "same"} is
     * {@code dilation * (kernel - 1) / 2} on each side, refused when that is not a whole number.
     */
    private static Tensor namedPadding(String file, String node, String mode, Tensor weight, Tensor dilation)
            throws NirFormatException {
        int spatial = weight.rank() - 2;
        if (spatial < 1) {
            throw new NirFormatException(file, "node '" + node + "': weight of shape "
                    + Arrays.toString(weight.shape()) + " has no kernel dimensions");
        }
        double[] pad = new double[spatial];
        for (int d = 0; d < spatial; d++) {
            int k = weight.dim(2 + d);
            int dil = dilation == null ? 1 : (int) dilation.broadcast(d);
            int total = dil * (k - 1);
            switch (mode) {
                case "valid" -> pad[d] = 0;
                case "same" -> {
                    if (total % 2 != 0) {
                        throw new NirFormatException(file, "node '" + node + "': padding 'same' with kernel " + k
                                + " pads unevenly (PyTorch adds the extra element on one side); not supported");
                    }
                    pad[d] = total / 2;
                }
                default -> throw new NirFormatException(file, "node '" + node + "': padding '" + mode
                        + "' unknown (expected numbers, 'valid' or 'same')");
            }
        }
        return new Tensor(new int[] {spatial}, pad);
    }

    private static Tensor tensor(String file, String node, String param, Node n) throws NirFormatException {
        String where = "node '" + node + "' parameter '" + param + "'";
        if (n instanceof Group g) {
            // Flatten's input_type is a dict {"input": shape}
            if (g.getChildren().size() == 1 && g.getChildren().values().iterator().next() instanceof Dataset inner) {
                return tensor(file, node, param, inner);
            }
            throw new NirFormatException(file, where + ": nested groups are not supported");
        }
        Dataset ds = (Dataset) n;
        checkSize(file, ds, where);
        checkFilters(file, ds, where);
        int[] dims = ds.isScalar() ? new int[0] : ds.getDimensions();
        Object data = ds.isScalar() ? ds.getData() : ds.getDataFlat();
        if (data instanceof String && param.equals("padding")) {
            return Tensor.scalar(0);
        }
        double[] values = switch (data) {
            case double[] d -> d;
            case float[] f -> toDoubles(f);
            case long[] l -> Arrays.stream(l).asDoubleStream().toArray();
            case int[] i -> Arrays.stream(i).asDoubleStream().toArray();
            case short[] h -> toDoubles(h);
            case byte[] b -> toDoubles(b);
            case boolean[] b -> toDoubles(b);
            case Boolean b -> new double[] {b ? 1 : 0};
            case Number x -> new double[] {x.doubleValue()};
            case Object o when o.getClass().isArray() && Array.getLength(o) > 0
                    && Array.get(o, 0) instanceof Number -> numbers(o);
            default -> throw new NirFormatException(file, where + ": not numeric (" + data.getClass().getSimpleName()
                    + ")");
        };
        try {
            return new Tensor(dims, values);
        } catch (IllegalArgumentException e) {
            throw new NirFormatException(file, where + ": " + e.getMessage());
        }
    }

    private static double[] toDoubles(short[] h) {
        double[] d = new double[h.length];
        for (int i = 0; i < h.length; i++) {
            d[i] = h[i];
        }
        return d;
    }

    private static double[] toDoubles(byte[] b) {
        double[] d = new double[b.length];
        for (int i = 0; i < b.length; i++) {
            d[i] = b[i];
        }
        return d;
    }

    private static double[] toDoubles(boolean[] b) {
        double[] d = new double[b.length];
        for (int i = 0; i < b.length; i++) {
            d[i] = b[i] ? 1 : 0;
        }
        return d;
    }

    private static double[] toDoubles(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }

    private static double[] numbers(Object array) {
        double[] d = new double[Array.getLength(array)];
        for (int i = 0; i < d.length; i++) {
            d[i] = ((Number) Array.get(array, i)).doubleValue();
        }
        return d;
    }

    /**
     * Refuses datasets compressed with LZ4 (its own HDF5 filter, or bitshuffle's LZ4 mode): Vigil does not
     * ship the LZ4 library jHDF would need (lz4-java 1.8.0 has CVE-2025-12183 and CVE-2025-66566).
     */
    private static void checkFilters(String file, Dataset ds, String where) throws NirFormatException {
        for (PipelineFilterWithData f : ds.getFilters()) {
            int[] data = f.getFilterData();
            boolean lz4 = f.getId() == LZ4_FILTER || f.getId() == BITSHUFFLE_FILTER
                    && data.length > BITSHUFFLE_COMPRESSION && data[BITSHUFFLE_COMPRESSION] == BITSHUFFLE_LZ4;
            if (lz4) {
                throw new NirFormatException(file, where + ": LZ4-compressed (HDF5 filter " + f.getId() + "), which Vigil"
                        + " does not read; write the NIR file with gzip or without compression");
            }
        }
    }

    private static void checkSize(String file, Dataset ds, String where) throws NirFormatException {
        if (ds.getSize() > MAX_VALUES) {
            throw new NirFormatException(file, where + ": " + ds.getSize() + " values exceed the cap of " + MAX_VALUES);
        }
    }

    private static String string(String file, Node n, String where) throws NirFormatException {
        if (!(n instanceof Dataset ds)) {
            throw new NirFormatException(file, where + " missing");
        }
        checkFilters(file, ds, where);
        Object data = ds.getData();
        if (data instanceof String s) {
            return s;
        }
        if (data instanceof String[] a && a.length == 1) {
            return a[0];
        }
        throw new NirFormatException(file, where + " is not a string");
    }
}
