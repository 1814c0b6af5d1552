package dev.vigil.runtime.nir;

import dev.vigil.runtime.network.FeatureShape;
import dev.vigil.runtime.nir.FloatLayer.ConvGeometry;
import dev.vigil.runtime.nir.FloatLayer.Kind;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns a NIR graph into a chain of {@link FloatLayer}s. Nested graphs are flattened first
 * ({@link NirGraph#flatten()}). From the Input node the graph must be a chain to the Output node, plus
 * recurrent weights: an Affine or Linear node fed by one neuron node and feeding only it back (the edge
 * that closes that cycle delivers the previous step's spikes). Between two neuron nodes the stateless
 * nodes compose into one linear map: Affine and Linear (consecutive ones multiplied out), Conv1d and
 * Conv2d (a Conv1d is a convolution over a 1-high map; dilation spreads the kernel), Scale (folded into
 * the weights), Flatten (a no-op: NIR's row-major flattening is Vigil's channel-major order), Delay
 * (kept for the layer), and pooling. A pooling right after a convolution becomes part of it (a larger
 * kernel with a larger stride); a pooling after a neuron node that feeds weights is a sum-pooling layer
 * of its own, AvgPool2d's 1/(kh kw) folded into the next weights; a pooling, scale or nothing at all
 * between two neuron nodes becomes a one-to-one or depthwise convolution. Neuron nodes: LIF, CubaLIF,
 * IF, Threshold, and the non-spiking LI, CubaLI and I, which only the last layer may be (their voltage
 * is read, as no device passes voltages on). What does not fit (branches, merges, other cycles, two
 * convolutions without neurons between them, padded pooling) is refused, naming the node.
 */
public final class NirImporter {

    private NirImporter() {
    }

    /**
     * An imported graph.
     *
     * @param layers     the layers, input to output
     * @param inputShape the Input node's shape (e.g. {@code [2, 34, 34]})
     * @param output     the Output node's name
     */
    public record Imported(List<FloatLayer> layers, int[] inputShape, String output) {

        public Imported {
            layers = List.copyOf(layers);
            inputShape = inputShape.clone();
        }

        @Override
        public int[] inputShape() {
            return inputShape.clone();
        }
    }

    /** The layers of {@code graph}; {@code file} names it in errors. */
    public static Imported importGraph(NirGraph graph, String file) throws NirFormatException {
        NirGraph flat;
        try {
            flat = graph.flatten();
        } catch (IllegalArgumentException e) {
            throw new NirFormatException(file, e.getMessage());
        }
        String input = single(flat, file, NirNode.Input.class);
        String output = single(flat, file, NirNode.Output.class);
        Map<String, String> recurrent = recurrentWeights(flat, file);
        List<String> chain = chain(flat, file, input, output, recurrent);
        int[] shape;
        try {
            shape = ((NirNode.Input) flat.nodes().get(input)).shape().ints("input shape");
        } catch (IllegalArgumentException e) {
            throw new NirFormatException(file, "node '" + input + "': " + e.getMessage());
        }
        Folder folder = new Folder(file, flat, recurrent, shape);
        for (int i = 1; i < chain.size(); i++) {
            folder.accept(chain.get(i), i + 1 < chain.size() ? chain.get(i + 1) : null);
        }
        if (folder.layers.isEmpty()) {
            throw new NirFormatException(file, "graph has no neuron node between '" + input + "' and '" + output + "'");
        }
        return new Imported(folder.layers, shape, output);
    }

    /** Neuron node to the Affine or Linear node that only it feeds and that only feeds it. */
    private static Map<String, String> recurrentWeights(NirGraph graph, String file) throws NirFormatException {
        Map<String, String> recurrent = new HashMap<>();
        for (Map.Entry<String, NirNode> e : graph.nodes().entrySet()) {
            if (!(e.getValue() instanceof NirNode.Affine || e.getValue() instanceof NirNode.Linear)) {
                continue;
            }
            List<String> from = graph.sources(e.getKey());
            if (from.size() == 1 && graph.targets(e.getKey()).equals(from) && isNeuron(graph.nodes().get(from.getFirst()))) {
                String previous = recurrent.put(from.getFirst(), e.getKey());
                if (previous != null) {
                    throw new NirFormatException(file, "neuron node '" + from.getFirst() + "' has two recurrent weight"
                            + " nodes, '" + previous + "' and '" + e.getKey() + "'");
                }
            }
        }
        return recurrent;
    }

    /** The node names from the Input to the Output node, refusing anything that is not a chain. */
    private static List<String> chain(NirGraph graph, String file, String input, String output,
                                      Map<String, String> recurrent) throws NirFormatException {
        Set<String> loops = new HashSet<>(recurrent.values());
        List<String> order = new ArrayList<>(List.of(input));
        Set<String> visited = new HashSet<>(order);
        String current = input;
        while (!current.equals(output)) {
            List<String> next = new ArrayList<>(graph.targets(current));
            next.removeAll(loops);
            if (next.size() != 1) {
                throw new NirFormatException(file, "node '" + current + "' feeds " + next.size()
                        + " nodes; only chains (plus recurrent self-loops) are supported");
            }
            String n = next.getFirst();
            if (visited.contains(n)) {
                throw new NirFormatException(file, "node '" + n + "' closes a cycle that is not a recurrent weight"
                        + " node of one neuron node");
            }
            List<String> from = new ArrayList<>(graph.sources(n));
            from.removeAll(loops);
            if (from.size() != 1) {
                throw new NirFormatException(file, "node '" + n + "' has " + from.size()
                        + " inputs; merging branches is not supported");
            }
            visited.add(n);
            order.add(n);
            current = n;
        }
        for (Map.Entry<String, NirNode> e : graph.nodes().entrySet()) {
            if (!visited.contains(e.getKey()) && !loops.contains(e.getKey())) {
                throw new NirFormatException(file, "node '" + e.getKey() + "' (" + e.getValue().type()
                        + ") is not on the path from '" + input + "' to '" + output + "'");
            }
        }
        return order;
    }

    private static boolean isNeuron(NirNode node) {
        return node instanceof NirNode.LIF || node instanceof NirNode.CubaLIF || node instanceof NirNode.IF
                || node instanceof NirNode.LI || node instanceof NirNode.CubaLI || node instanceof NirNode.Integrator
                || node instanceof NirNode.Threshold;
    }

    private static String single(NirGraph graph, String file, Class<? extends NirNode> type) throws NirFormatException {
        List<String> found = graph.nodes().entrySet().stream().filter(e -> type.isInstance(e.getValue()))
                .map(Map.Entry::getKey).toList();
        if (found.size() != 1) {
            throw new NirFormatException(file, "graph has " + found.size() + " " + type.getSimpleName()
                    + " nodes, expected one");
        }
        return found.getFirst();
    }

    static int size(int[] shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    /** The feature map of a NIR shape: (C, H, W) as is, (C, L) as C x 1 x L, anything else none. */
    static FeatureShape map(int[] shape) {
        return shape.length == 3 ? new FeatureShape(shape[0], shape[1], shape[2])
                : shape.length == 2 ? new FeatureShape(shape[0], 1, shape[1]) : null;
    }

    /** Composes the stateless nodes between neuron nodes and closes a layer at each neuron node. */
    private static final class Folder {
        private enum State { IDENTITY, POOL, DENSE, CONV }

        final List<FloatLayer> layers = new ArrayList<>();
        private final String file;
        private final NirGraph graph;
        private final Map<String, String> recurrent;

        private State state = State.IDENTITY;
        /** The NIR shape at this point of the chain, and its feature map (null when flat). */
        private int[] shape;
        private FeatureShape map;
        /** The layer's input: size and map where the segment started. */
        private int inputs;
        private FeatureShape inputMap;
        /** IDENTITY and POOL: per-element factor on the segment's input, or null for 1. */
        private double[] inputScale;
        /** POOL. */
        private String poolNode;
        private int poolKh;
        private int poolKw;
        private int poolSy;
        private int poolSx;
        private boolean average;
        /** DENSE and CONV: the composed map {@code W x + b}. */
        private String weightNode;
        private double[] weights;
        private double[] bias;
        private ConvGeometry geometry;
        /** CONV: the convolution's output map, kept when a Flatten drops {@link #map}. */
        private FeatureShape convOut;
        private Tensor delay;
        private String delayNode;

        Folder(String file, NirGraph graph, Map<String, String> recurrent, int[] inputShape) {
            this.file = file;
            this.graph = graph;
            this.recurrent = recurrent;
            restart(inputShape, map(inputShape));
        }

        private void restart(int[] newShape, FeatureShape newMap) {
            state = State.IDENTITY;
            shape = newShape;
            map = newMap;
            inputs = size(newShape);
            inputMap = newMap;
            inputScale = null;
            weights = null;
            bias = null;
            geometry = null;
            weightNode = null;
            delay = null;
            delayNode = null;
        }

        private NirFormatException error(String node, String message) {
            return new NirFormatException(file, "node '" + node + "': " + message);
        }

        void accept(String name, String next) throws NirFormatException {
            NirNode node = graph.nodes().get(name);
            try {
                switch (node) {
                    case NirNode.Output o -> finish(name);
                    case NirNode.Flatten f -> flatten();
                    case NirNode.Delay d -> delay(name, d.delay());
                    case NirNode.Scale s -> scale(name, s.scale());
                    case NirNode.Affine a -> dense(name, a.weight(), a.bias());
                    case NirNode.Linear l -> dense(name, l.weight(), null);
                    case NirNode.Conv2d c -> conv(name, c.weight(), c.stride(), c.padding(), c.dilation(), c.groups(),
                            c.bias(), c.inputShape(), false);
                    case NirNode.Conv1d c -> conv(name, c.weight(), c.stride(), c.padding(), c.dilation(), c.groups(),
                            c.bias(), c.inputShape(), true);
                    case NirNode.SumPool2d p -> pool(name, p.kernelSize(), p.stride(), p.padding(), false);
                    case NirNode.AvgPool2d p -> pool(name, p.kernelSize(), p.stride(), p.padding(), true);
                    case NirNode.Input i -> throw error(name, "a second Input node");
                    case NirNode.Graph g -> throw error(name, "a nested graph left after flattening");
                    default -> neuron(name, node, next);
                }
            } catch (IllegalArgumentException e) {
                throw error(name, e.getMessage());
            }
        }

        private void flatten() {
            if (state == State.POOL) {
                emitPool();
            }
            shape = new int[] {size(shape)};
            map = null;
        }

        private void delay(String name, Tensor d) throws NirFormatException {
            if (delay != null) {
                throw error(name, "a second Delay node ('" + delayNode + "' before it) in front of one neuron node");
            }
            delay = d;
            delayNode = name;
        }

        private void scale(String name, Tensor s) throws NirFormatException {
            if (state == State.POOL) {
                emitPool();
            }
            double[] factor = broadcast(file, name, "scale", s, shape);
            switch (state) {
                case IDENTITY -> {
                    if (inputScale == null) {
                        inputScale = factor;
                    } else {
                        for (int i = 0; i < factor.length; i++) {
                            inputScale[i] *= factor[i];
                        }
                    }
                }
                case DENSE -> {
                    int in = weights.length / factor.length;
                    for (int i = 0; i < weights.length; i++) {
                        weights[i] *= factor[i / in];
                    }
                    scaleBias(factor);
                }
                case CONV -> {
                    double[] perChannel = perChannel(name, factor, convOut);
                    int per = weights.length / geometry.outChannels();
                    for (int i = 0; i < weights.length; i++) {
                        weights[i] *= perChannel[i / per];
                    }
                    scaleBias(factor);
                }
                case POOL -> throw new IllegalStateException("pooling emitted above");
            }
        }

        private void scaleBias(double[] factor) {
            if (bias != null) {
                for (int i = 0; i < bias.length; i++) {
                    bias[i] *= factor[i];
                }
            }
        }

        private void dense(String name, Tensor w, Tensor b) throws NirFormatException {
            if (state == State.POOL) {
                emitPool();
            }
            if (state == State.CONV) {
                throw error(name, "weights after convolution '" + weightNode + "' without a neuron node between them"
                        + " are not supported");
            }
            if (w.rank() < 2) {
                throw error(name, "weight of shape " + Arrays.toString(w.shape()) + " is not a matrix (out, in)");
            }
            int out = w.dim(0);
            int in = w.size() / out;
            int size = size(shape);
            if (in != size) {
                throw error(name, "weight of shape " + Arrays.toString(w.shape()) + " takes " + in + " inputs, but "
                        + size + " arrive (shape " + Arrays.toString(shape) + ")");
            }
            double[] wn = w.data();
            double[] bn = b == null ? null : broadcast(file, name, "bias", b, new int[] {out});
            if (state == State.DENSE) {
                // W2 (W1 x + b1) + b2
                int in1 = weights.length / in;
                double[] composed = new double[out * in1];
                for (int o = 0; o < out; o++) {
                    for (int k = 0; k < in; k++) {
                        double a = wn[o * in + k];
                        if (a != 0) {
                            for (int i = 0; i < in1; i++) {
                                composed[o * in1 + i] += a * weights[k * in1 + i];
                            }
                        }
                    }
                }
                double[] composedBias = bn == null ? null : bn.clone();
                if (bias != null) {
                    composedBias = composedBias == null ? new double[out] : composedBias;
                    for (int o = 0; o < out; o++) {
                        for (int k = 0; k < in; k++) {
                            composedBias[o] += wn[o * in + k] * bias[k];
                        }
                    }
                }
                weights = composed;
                bias = composedBias;
            } else {
                if (inputScale != null) {
                    for (int i = 0; i < wn.length; i++) {
                        wn[i] *= inputScale[i % in];
                    }
                }
                weights = wn;
                bias = bn;
                state = State.DENSE;
            }
            weightNode = name;
            shape = new int[] {out};
            map = null;
        }

        private void conv(String name, Tensor w, Tensor stride, Tensor padding, Tensor dilation, Tensor groups,
                          Tensor b, Tensor declaredInput, boolean oneD) throws NirFormatException {
            if (state == State.POOL) {
                emitPool();
            }
            if (state != State.IDENTITY) {
                throw error(name, "convolution after weights '" + weightNode + "' without a neuron node between them"
                        + " is not supported");
            }
            int spatial = oneD ? 1 : 2;
            if (w.rank() != 2 + spatial) {
                throw error(name, "weight of shape " + Arrays.toString(w.shape()) + " is not (out, in/groups, "
                        + (oneD ? "k)" : "kh, kw)"));
            }
            FeatureShape in = map;
            if (in == null || oneD && shape.length != 2 || !oneD && shape.length != 3) {
                in = reshaped(name, declaredInput, oneD);
            }
            int g = groups == null ? 1 : groups.ints("groups")[0];
            int[] s = pair(stride, spatial, 1, "stride");
            int[] p = pair(padding, spatial, 0, "padding");
            int[] d = pair(dilation, spatial, 1, "dilation");
            int kh = oneD ? 1 : w.dim(2);
            int kw = oneD ? w.dim(2) : w.dim(3);
            int khd = oneD ? 1 : d[0] * (kh - 1) + 1;
            int kwd = d[spatial - 1] * (kw - 1) + 1;
            int outChannels = w.dim(0);
            int cinG = w.dim(1);
            if (in.channels() != cinG * g) {
                throw error(name, "weight expects " + cinG * g + " input channels, the input has " + in.channels());
            }
            double[] src = w.data();
            double[] dilated = new double[outChannels * cinG * khd * kwd];
            for (int co = 0; co < outChannels; co++) {
                for (int ci = 0; ci < cinG; ci++) {
                    double channelScale = inputScale == null ? 1
                            : uniformInChannel(name, inputScale, in, (co / (outChannels / g)) * cinG + ci);
                    for (int y = 0; y < kh; y++) {
                        for (int x = 0; x < kw; x++) {
                            int yd = oneD ? 0 : y * d[0];
                            int xd = x * d[spatial - 1];
                            dilated[((co * cinG + ci) * khd + yd) * kwd + xd] =
                                    src[((co * cinG + ci) * kh + y) * kw + x] * channelScale;
                        }
                    }
                }
            }
            geometry = new ConvGeometry(outChannels, khd, kwd, oneD ? 1 : s[0], s[spatial - 1], oneD ? 0 : p[0],
                    p[spatial - 1], g);
            FeatureShape out = convOutput(name, in, geometry);
            double[] perChannel = b == null ? null : broadcast(file, name, "bias", b, new int[] {outChannels});
            if (perChannel != null) {
                bias = new double[out.size()];
                int per = out.height() * out.width();
                for (int i = 0; i < bias.length; i++) {
                    bias[i] = perChannel[i / per];
                }
            }
            weights = dilated;
            weightNode = name;
            inputMap = in;
            state = State.CONV;
            map = out;
            convOut = out;
            shape = oneD ? new int[] {out.channels(), out.width()} : new int[] {out.channels(), out.height(), out.width()};
        }

        /** The input as a feature map, using the convolution's declared input shape when the chain lost it. */
        private FeatureShape reshaped(String name, Tensor declared, boolean oneD) throws NirFormatException {
            int size = size(shape);
            if (declared != null) {
                int[] hw = declared.ints("input_shape");
                int h = oneD ? 1 : hw[0];
                int wdt = hw[hw.length - 1];
                if (hw.length == (oneD ? 1 : 2) && size % (h * wdt) == 0) {
                    return new FeatureShape(size / (h * wdt), h, wdt);
                }
            }
            throw error(name, "a " + (oneD ? "Conv1d needs a (C, L)" : "Conv2d needs a (C, H, W)") + " input, got shape "
                    + Arrays.toString(shape));
        }

        private static FeatureShape convOutput(String name, FeatureShape in, ConvGeometry g) {
            int h = (in.height() + 2 * g.padY() - g.kernelHeight()) / g.strideY() + 1;
            int w = (in.width() + 2 * g.padX() - g.kernelWidth()) / g.strideX() + 1;
            if (in.height() + 2 * g.padY() < g.kernelHeight() || in.width() + 2 * g.padX() < g.kernelWidth()) {
                throw new IllegalArgumentException("kernel " + g.kernelHeight() + "x" + g.kernelWidth()
                        + " larger than the padded input " + in);
            }
            return new FeatureShape(g.outChannels(), h, w);
        }

        private void pool(String name, Tensor kernel, Tensor stride, Tensor padding, boolean avg)
                throws NirFormatException {
            if (padding != null) {
                for (int p : padding.ints("padding")) {
                    if (p != 0) {
                        throw error(name, "padding " + p + " not supported (pooling windows must lie inside the map)");
                    }
                }
            }
            int[] k = pair(kernel, 2, 1, "kernel_size");
            int[] s = stride == null ? k : pair(stride, 2, 1, "stride");
            switch (state) {
                case POOL -> {
                    emitPool();
                    pool(name, kernel, stride, padding, avg);
                    return;
                }
                case DENSE -> throw error(name, "pooling after dense weights '" + weightNode + "' (a flat vector) is"
                        + " not supported");
                case CONV -> {
                    convThenPool(name, k, s, avg);
                    return;
                }
                case IDENTITY -> {
                    if (map == null || shape.length != 3) {
                        throw error(name, "pooling needs a (C, H, W) input, got shape " + Arrays.toString(shape));
                    }
                }
            }
            if (map.height() < k[0] || map.width() < k[1]) {
                throw error(name, "pooling window " + k[0] + "x" + k[1] + " larger than the map " + map);
            }
            state = State.POOL;
            poolNode = name;
            poolKh = k[0];
            poolKw = k[1];
            poolSy = s[0];
            poolSx = s[1];
            average = avg;
            FeatureShape pooled = pooled();
            map = pooled;
            shape = new int[] {pooled.channels(), pooled.height(), pooled.width()};
        }

        private FeatureShape pooled() {
            return new FeatureShape(inputMap.channels(), (inputMap.height() - poolKh) / poolSy + 1,
                    (inputMap.width() - poolKw) / poolSx + 1);
        }

        /** Convolution then pooling: one convolution with a larger kernel and stride. */
        private void convThenPool(String name, int[] k, int[] s, boolean avg) throws NirFormatException {
            if (map == null) {
                throw error(name, "pooling after a Flatten is not supported");
            }
            if (map.height() < k[0] || map.width() < k[1]) {
                throw error(name, "pooling window " + k[0] + "x" + k[1] + " larger than the map " + map);
            }
            ConvGeometry g = geometry;
            int kh = (k[0] - 1) * g.strideY() + g.kernelHeight();
            int kw = (k[1] - 1) * g.strideX() + g.kernelWidth();
            int cinG = inputMap.channels() / g.groups();
            double factor = avg ? 1.0 / (k[0] * k[1]) : 1;
            double[] composed = new double[g.outChannels() * cinG * kh * kw];
            for (int co = 0; co < g.outChannels(); co++) {
                for (int ci = 0; ci < cinG; ci++) {
                    for (int dy = 0; dy < k[0]; dy++) {
                        for (int dx = 0; dx < k[1]; dx++) {
                            for (int y = 0; y < g.kernelHeight(); y++) {
                                for (int x = 0; x < g.kernelWidth(); x++) {
                                    composed[((co * cinG + ci) * kh + dy * g.strideY() + y) * kw + dx * g.strideX() + x]
                                            += factor * weights[((co * cinG + ci) * g.kernelHeight() + y)
                                            * g.kernelWidth() + x];
                                }
                            }
                        }
                    }
                }
            }
            FeatureShape before = map;
            ConvGeometry next = new ConvGeometry(g.outChannels(), kh, kw, g.strideY() * s[0], g.strideX() * s[1],
                    g.padY(), g.padX(), g.groups());
            FeatureShape after = convOutput(name, inputMap, next);
            FeatureShape pooled = new FeatureShape(before.channels(), (before.height() - k[0]) / s[0] + 1,
                    (before.width() - k[1]) / s[1] + 1);
            if (!after.equals(pooled)) {
                throw new IllegalStateException("convolution and pooling compose to " + after + ", not " + pooled);
            }
            if (bias != null) {
                double[] b = new double[after.size()];
                for (int c = 0; c < after.channels(); c++) {
                    for (int y = 0; y < after.height(); y++) {
                        for (int x = 0; x < after.width(); x++) {
                            double sum = 0;
                            for (int dy = 0; dy < k[0]; dy++) {
                                for (int dx = 0; dx < k[1]; dx++) {
                                    sum += bias[before.index(c, y * s[0] + dy, x * s[1] + dx)];
                                }
                            }
                            b[after.index(c, y, x)] = factor * sum;
                        }
                    }
                }
                bias = b;
            }
            weights = composed;
            geometry = next;
            map = after;
            convOut = after;
            shape = shape.length == 2 ? new int[] {after.channels(), after.width()}
                    : new int[] {after.channels(), after.height(), after.width()};
        }

        /** Closes a pending pooling as a sum-pooling layer; an average's 1/(kh kw) becomes the next input scale. */
        private void emitPool() {
            if (poolKh != poolKw || poolSy != poolSx) {
                throw new IllegalArgumentException("pooling '" + poolNode + "' feeds weights, which needs a square"
                        + " window and stride, got " + poolKh + "x" + poolKw + " stride " + poolSy + "x" + poolSx);
            }
            FeatureShape in = inputMap;
            double[] channel = new double[in.channels()];
            for (int c = 0; c < channel.length; c++) {
                channel[c] = (inputScale == null ? 1 : uniformInChannel(poolNode, inputScale, in, c))
                        * (average ? 1.0 / (poolKh * poolKw) : 1);
            }
            FeatureShape out = pooled();
            layers.add(new FloatLayer(poolNode, Kind.SUMPOOL, in.size(), out.size(), null, null, null, null, null,
                    poolKh, poolSy, in, null, new int[] {out.channels(), out.height(), out.width()}));
            Tensor keptDelay = delay;
            String keptDelayNode = delayNode;
            restart(new int[] {out.channels(), out.height(), out.width()}, out);
            delay = keptDelay;
            delayNode = keptDelayNode;
            boolean scaled = false;
            for (double c : channel) {
                scaled |= c != 1;
            }
            if (scaled) {
                inputScale = new double[out.size()];
                int per = out.height() * out.width();
                for (int i = 0; i < inputScale.length; i++) {
                    inputScale[i] = channel[i / per];
                }
            }
        }

        private void neuron(String name, NirNode node, String next) throws NirFormatException {
            boolean spiking = !(node instanceof NirNode.LI || node instanceof NirNode.CubaLI
                    || node instanceof NirNode.Integrator);
            if (!spiking && !(next != null && graph.nodes().get(next) instanceof NirNode.Output)) {
                throw error(name, node.type() + " outputs its voltage, which no device passes on to another layer:"
                        + " it may only be the last layer (its potentials are read)");
            }
            String loop = recurrent.get(name);
            double[] rec = null;
            double[] loopBias = null;
            int n = size(shape);
            if (loop != null) {
                NirNode w = graph.nodes().get(loop);
                Tensor rw = w instanceof NirNode.Affine a ? a.weight() : ((NirNode.Linear) w).weight();
                if (rw.rank() != 2 || rw.dim(0) != n || rw.dim(1) != n) {
                    throw error(loop, "recurrent weight of shape " + Arrays.toString(rw.shape()) + " for a layer of "
                            + n + " neurons");
                }
                rec = rw.data();
                if (w instanceof NirNode.Affine a && a.bias() != null) {
                    loopBias = broadcast(file, loop, "bias", a.bias(), new int[] {n});
                }
                if (state == State.IDENTITY) {
                    oneToOneAsDense(n);
                } else if (state != State.DENSE) {
                    throw error(name, "recurrent weights '" + loop + "' need Affine or Linear weights in front of the"
                            + " neuron node, not " + state.name().toLowerCase(Locale.ROOT));
                }
            }
            if (loopBias != null) {
                bias = bias == null ? loopBias : add(bias, loopBias);
            }
            FloatLayer layer = switch (state) {
                case IDENTITY -> oneToOne(name, node, n);
                case POOL -> depthwisePool(name, node);
                case DENSE -> new FloatLayer(name, rec != null ? Kind.RECURRENT : Kind.DENSE, inputs, n, weights, rec,
                        bias, node, null, 0, 0, null, delay, shape);
                case CONV -> new FloatLayer(name, Kind.CONV, inputs, n, weights, null, bias, node, geometry, 0, 0,
                        inputMap, delay, shape);
            };
            layers.add(layer);
            restart(shape, map);
        }

        /** A neuron node straight after another (or the input): one weight per neuron, as a 1x1 grouped convolution. */
        private FloatLayer oneToOne(String name, NirNode node, int n) {
            double[] w = new double[n];
            for (int i = 0; i < n; i++) {
                w[i] = inputScale == null ? 1 : inputScale[i];
            }
            return new FloatLayer(name, Kind.CONV, n, n, w, null, null, node, new ConvGeometry(n, 1, 1, 1, 1, 0, 0, n),
                    0, 0, new FeatureShape(n, 1, 1), delay, shape);
        }

        private void oneToOneAsDense(int n) {
            weights = new double[n * n];
            for (int i = 0; i < n; i++) {
                weights[i * n + i] = inputScale == null ? 1 : inputScale[i];
            }
            state = State.DENSE;
        }

        /** A pooling straight into a neuron node: a depthwise convolution with the window's weights. */
        private FloatLayer depthwisePool(String name, NirNode node) {
            FeatureShape in = inputMap;
            double[] w = new double[in.channels() * poolKh * poolKw];
            for (int c = 0; c < in.channels(); c++) {
                double weight = (inputScale == null ? 1 : uniformInChannel(poolNode, inputScale, in, c))
                        * (average ? 1.0 / (poolKh * poolKw) : 1);
                Arrays.fill(w, c * poolKh * poolKw, (c + 1) * poolKh * poolKw, weight);
            }
            return new FloatLayer(name, Kind.CONV, in.size(), size(shape), w, null, null, node,
                    new ConvGeometry(in.channels(), poolKh, poolKw, poolSy, poolSx, 0, 0, in.channels()), 0, 0, in,
                    delay, shape);
        }

        private void finish(String name) throws NirFormatException {
            boolean scaled = false;
            if (inputScale != null) {
                for (double s : inputScale) {
                    scaled |= s != 1;
                }
            }
            if (state == State.POOL && !average && !scaled) {
                emitPool();
                return;
            }
            if (state != State.IDENTITY || scaled || delay != null) {
                String what = state == State.POOL ? "pooling '" + poolNode + "'" : state == State.IDENTITY
                        ? (delay != null ? "delay '" + delayNode + "'" : "a scale") : "weights of '" + weightNode + "'";
                throw error(name, what + " reach the output without a neuron node");
            }
        }

        private static double[] add(double[] a, double[] b) {
            double[] c = a.clone();
            for (int i = 0; i < c.length; i++) {
                c[i] += b[i];
            }
            return c;
        }

        /** The factor on input channel {@code c}, which must be the same across the channel's map. */
        private double uniformInChannel(String name, double[] perElement, FeatureShape in, int c) {
            int per = in.height() * in.width();
            double v = perElement[c * per];
            for (int i = c * per; i < (c + 1) * per; i++) {
                if (perElement[i] != v) {
                    throw new IllegalArgumentException("a scale that varies within channel " + c + " before '" + name
                            + "' is not supported");
                }
            }
            return v;
        }

        private double[] perChannel(String name, double[] perElement, FeatureShape out) {
            double[] c = new double[out.channels()];
            for (int k = 0; k < c.length; k++) {
                c[k] = uniformInChannel(name, perElement, out, k);
            }
            return c;
        }

        /** A spatial parameter as one value per axis: a scalar repeats, missing means {@code absent}. */
        private static int[] pair(Tensor t, int axes, int absent, String what) {
            int[] out = new int[axes];
            if (t == null) {
                Arrays.fill(out, absent);
                return out;
            }
            int[] v = t.ints(what);
            if (v.length != 1 && v.length != axes) {
                throw new IllegalArgumentException(what + " has " + v.length + " values for " + axes + " axes");
            }
            for (int i = 0; i < axes; i++) {
                out[i] = v.length == 1 ? v[0] : v[i];
            }
            return out;
        }
    }

    private static double[] broadcast(String file, String node, String param, Tensor t, int[] shape)
            throws NirFormatException {
        try {
            return t.broadcastTo(shape);
        } catch (IllegalArgumentException e) {
            throw new NirFormatException(file, "node '" + node + "': parameter '" + param + "' " + e.getMessage());
        }
    }
}
