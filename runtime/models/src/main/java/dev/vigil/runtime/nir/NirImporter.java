package dev.vigil.runtime.nir;

import dev.vigil.runtime.network.ConvLayer;
import dev.vigil.runtime.network.FeatureShape;
import dev.vigil.runtime.nir.FloatLayer.ConvGeometry;
import dev.vigil.runtime.nir.FloatLayer.Kind;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns a NIR graph into a chain of {@link FloatLayer}s: from the Input node, weight nodes (Affine,
 * Linear, Conv1d, Conv2d, with Scale folded in, AvgPool2d as sum pooling with its 1/k^2 folded into
 * the next weights, Flatten as a no-op on channel-major indices) are gathered until a neuron node
 * (LIF, CubaLIF, IF, LI, CubaLI, Integrator, Threshold) closes a layer. A weight node leading from a
 * neuron node straight back into it is that layer's recurrent weights. Graphs that are not such a
 * chain (branches, merges, weights without neurons) are refused, naming the node.
 */
public final class NirImporter {

    private NirImporter() {
    }

    /** The layers of {@code graph}; {@code file} names it in errors. */
    public static List<FloatLayer> layers(NirGraph graph, String file) throws NirFormatException {
        String input = single(graph, file, NirNode.Input.class);
        single(graph, file, NirNode.Output.class);
        NirNode.Input in = (NirNode.Input) graph.nodes().get(input);
        int[] shape = in.shape().ints("input shape");
        FeatureShape map = shape.length == 3 ? new FeatureShape(shape[0], shape[1], shape[2])
                : shape.length == 2 ? new FeatureShape(shape[0], 1, shape[1]) : null;
        int size = 1;
        for (int d : shape) {
            size *= d;
        }
        List<FloatLayer> layers = new ArrayList<>();
        Set<String> visited = new HashSet<>();
        String current = input;
        Pending pending = new Pending();
        while (true) {
            visited.add(current);
            List<String> next = forward(graph, current);
            if (next.size() != 1) {
                throw new NirFormatException(file, "node '" + current + "' feeds " + next.size()
                        + " nodes; only chains (plus recurrent self-loops) are supported");
            }
            String name = next.getFirst();
            if (visited.contains(name)) {
                throw new NirFormatException(file, "node '" + name + "' closes a cycle that is not a recurrent weight");
            }
            List<String> sources = graph.sources(name);
            NirNode node = graph.nodes().get(name);
            int fromOutside = 0;
            for (String s : sources) {
                if (!isRecurrentWeight(graph, s, name)) {
                    fromOutside++;
                }
            }
            if (fromOutside != 1) {
                throw new NirFormatException(file, "node '" + name + "' has " + fromOutside
                        + " inputs; merging branches is not supported");
            }
            switch (node) {
                case NirNode.Output o -> {
                    if (pending.weights != null) {
                        throw new NirFormatException(file, "weights of node '" + pending.weightNode
                                + "' reach the output without neurons");
                    }
                    return layers;
                }
                case NirNode.Flatten f -> map = null;
                case NirNode.Delay d -> pending.delay = d;
                case NirNode.Scale s -> pending.scale(file, name, s.scale());
                case NirNode.Affine a -> pending.dense(file, name, a.weight(), a.bias(), size);
                case NirNode.Linear l -> pending.dense(file, name, l.weight(), null, size);
                case NirNode.Conv2d c -> pending.conv(file, name, c.weight(), c.stride(), c.padding(), c.dilation(),
                        c.groups(), c.bias(), map, false);
                case NirNode.Conv1d c -> pending.conv(file, name, c.weight(), c.stride(), c.padding(), c.dilation(),
                        c.groups(), c.bias(), map, true);
                case NirNode.SumPool2d p -> {
                    FloatLayer pool = pool(file, name, p.kernelSize(), p.stride(), p.padding(), map, pending);
                    layers.add(pool);
                    map = ConvLayerShapes.pooled(map, pool.poolKernel(), pool.poolStride());
                    size = pool.neurons();
                }
                case NirNode.AvgPool2d p -> {
                    FloatLayer pool = pool(file, name, p.kernelSize(), p.stride(), p.padding(), map, pending);
                    layers.add(pool);
                    map = ConvLayerShapes.pooled(map, pool.poolKernel(), pool.poolStride());
                    size = pool.neurons();
                    pending.inputScale = 1.0 / (pool.poolKernel() * pool.poolKernel());
                }
                case NirNode.Input i -> throw new NirFormatException(file, "second input node '" + name + "'");
                default -> {
                    if (pending.weights == null) {
                        throw new NirFormatException(file, "neuron node '" + name + "' (" + node.type()
                                + ") has no weight node in front of it");
                    }
                    double[] recurrent = null;
                    double[] bias = pending.bias;
                    for (String s : sources) {
                        if (isRecurrentWeight(graph, s, name)) {
                            Pending r = new Pending();
                            NirNode w = graph.nodes().get(s);
                            if (w instanceof NirNode.Affine a) {
                                r.dense(file, s, a.weight(), a.bias(), pending.outputs);
                            } else if (w instanceof NirNode.Linear l) {
                                r.dense(file, s, l.weight(), null, pending.outputs);
                            }
                            if (r.outputs != pending.outputs) {
                                throw new NirFormatException(file, "recurrent node '" + s + "' maps " + r.inputs
                                        + " to " + r.outputs + " for a layer of " + pending.outputs);
                            }
                            recurrent = r.weights;
                            if (r.bias != null) {
                                bias = bias == null ? r.bias : add(bias, r.bias);
                            }
                            visited.add(s);
                        }
                    }
                    layers.add(new FloatLayer(name, pending.conv != null ? Kind.CONV
                            : recurrent != null ? Kind.RECURRENT : Kind.DENSE, pending.inputs, pending.outputs,
                            pending.weights, recurrent, bias, node, pending.conv, 0, 0, pending.convInput,
                            pending.delay == null ? null : pending.delay.delay()));
                    size = pending.outputs;
                    map = pending.conv != null ? pending.convOutput : null;
                    pending = new Pending();
                }
            }
            current = name;
        }
    }

    private static FloatLayer pool(String file, String name, Tensor kernel, Tensor stride, Tensor padding,
                                   FeatureShape map, Pending pending) throws NirFormatException {
        if (pending.weights != null) {
            throw new NirFormatException(file, "pooling node '" + name + "' after weights without neurons");
        }
        if (map == null) {
            throw new NirFormatException(file, "pooling node '" + name + "' needs a 2-D input (C, H, W)");
        }
        int[] k = kernel.ints("kernel_size");
        int[] s = stride.ints("stride");
        if (padding != null) {
            for (int p : padding.ints("padding")) {
                if (p != 0) {
                    throw new NirFormatException(file, "node '" + name + "': padding " + p + " not supported");
                }
            }
        }
        int kh = k[0];
        int kw = k.length > 1 ? k[1] : k[0];
        int sh = s[0];
        int sw = s.length > 1 ? s[1] : s[0];
        if (kh != kw || sh != sw) {
            throw new NirFormatException(file, "node '" + name + "': only square pooling kernels and strides");
        }
        FeatureShape out = ConvLayerShapes.pooled(map, kh, sh);
        return new FloatLayer(name, Kind.SUMPOOL, map.size(), out.size(), null, null, null, null, null, kh, sh, map,
                null);
    }

    private static double[] add(double[] a, double[] b) {
        double[] c = a.clone();
        for (int i = 0; i < c.length; i++) {
            c[i] += b[i];
        }
        return c;
    }

    /** Targets of {@code node} other than recurrent weights leading back into it. */
    private static List<String> forward(NirGraph graph, String node) {
        List<String> out = new ArrayList<>();
        for (String t : graph.targets(node)) {
            if (!isRecurrentWeight(graph, t, node)) {
                out.add(t);
            }
        }
        return out;
    }

    private static boolean isRecurrentWeight(NirGraph graph, String weight, String neuron) {
        NirNode w = graph.nodes().get(weight);
        return (w instanceof NirNode.Affine || w instanceof NirNode.Linear)
                && graph.targets(weight).equals(List.of(neuron)) && graph.sources(weight).equals(List.of(neuron));
    }

    private static String single(NirGraph graph, String file, Class<? extends NirNode> type) throws NirFormatException {
        List<String> found = graph.nodes().entrySet().stream().filter(e -> type.isInstance(e.getValue()))
                .map(java.util.Map.Entry::getKey).toList();
        if (found.size() != 1) {
            throw new NirFormatException(file, "graph has " + found.size() + " " + type.getSimpleName()
                    + " nodes, expected one");
        }
        return found.getFirst();
    }

    /** Weight nodes gathered since the last neuron node. */
    private static final class Pending {
        String weightNode;
        double[] weights;
        double[] bias;
        int inputs;
        int outputs;
        double inputScale = 1;
        ConvGeometry conv;
        FeatureShape convInput;
        FeatureShape convOutput;
        NirNode.Delay delay;

        void dense(String file, String name, Tensor w, Tensor b, int size) throws NirFormatException {
            if (weights != null) {
                throw new NirFormatException(file, "weight nodes '" + weightNode + "' and '" + name
                        + "' in a row are not supported");
            }
            if (w.rank() != 2 || w.dim(1) != size) {
                throw new NirFormatException(file, "node '" + name + "': weight shape "
                        + java.util.Arrays.toString(w.shape()) + " does not take " + size + " inputs");
            }
            weightNode = name;
            outputs = w.dim(0);
            inputs = w.dim(1);
            weights = w.data();
            for (int i = 0; i < weights.length; i++) {
                weights[i] *= inputScale;
            }
            if (b != null) {
                if (b.size() != outputs) {
                    throw new NirFormatException(file, "node '" + name + "': " + b.size() + " biases for " + outputs
                            + " outputs");
                }
                bias = b.data();
            }
        }

        void conv(String file, String name, Tensor w, Tensor stride, Tensor padding, Tensor dilation, Tensor groups,
                  Tensor b, FeatureShape map, boolean oneD) throws NirFormatException {
            if (weights != null) {
                throw new NirFormatException(file, "weight nodes '" + weightNode + "' and '" + name
                        + "' in a row are not supported");
            }
            if (map == null) {
                throw new NirFormatException(file, "node '" + name + "': convolution needs a shaped input");
            }
            if (dilation != null) {
                for (int d : dilation.ints("dilation")) {
                    if (d != 1) {
                        throw new NirFormatException(file, "node '" + name + "': dilation " + d + " not supported");
                    }
                }
            }
            int g = groups == null ? 1 : groups.ints("groups")[0];
            int kh = oneD ? 1 : w.dim(2);
            int kw = oneD ? w.dim(2) : w.dim(3);
            int[] s = stride == null ? new int[] {1} : stride.ints("stride");
            int[] p = padding == null ? new int[] {0} : padding.ints("padding");
            int sy = oneD ? 1 : s[0];
            int sx = s.length > 1 ? s[1] : s[0];
            int py = oneD ? 0 : p[0];
            int px = p.length > 1 ? p[1] : p[0];
            conv = new ConvGeometry(w.dim(0), kh, kw, sy, sx, py, px, g);
            if (map.channels() != w.dim(1) * g) {
                throw new NirFormatException(file, "node '" + name + "': weight expects " + w.dim(1) * g
                        + " input channels, input has " + map.channels());
            }
            ConvLayer probe = new ConvLayer(name, map, w.dim(0), kh, kw, sy, sx, py, px, g, new int[w.size()],
                    dev.vigil.runtime.network.Relay.INSTANCE);
            convInput = map;
            convOutput = probe.output();
            weightNode = name;
            inputs = map.size();
            outputs = convOutput.size();
            weights = w.data();
            for (int i = 0; i < weights.length; i++) {
                weights[i] *= inputScale;
            }
            if (b != null) {
                int per = convOutput.height() * convOutput.width();
                bias = new double[outputs];
                for (int i = 0; i < outputs; i++) {
                    bias[i] = b.get(i / per);
                }
            }
        }

        void scale(String file, String name, Tensor s) throws NirFormatException {
            if (weights == null) {
                throw new NirFormatException(file, "Scale node '" + name + "' without a weight node in front");
            }
            int perRow = weights.length / outputs;
            if (conv != null) {
                perRow = weights.length / conv.outChannels();
            }
            for (int i = 0; i < weights.length; i++) {
                weights[i] *= s.broadcast(i / perRow);
            }
            if (bias != null) {
                int per = conv != null ? outputs / conv.outChannels() : 1;
                for (int i = 0; i < bias.length; i++) {
                    bias[i] *= s.broadcast(i / per);
                }
            }
        }
    }
}
