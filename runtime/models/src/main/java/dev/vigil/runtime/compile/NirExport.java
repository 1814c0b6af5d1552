package dev.vigil.runtime.compile;

import dev.vigil.runtime.network.ConvLayer;
import dev.vigil.runtime.network.CubaLif;
import dev.vigil.runtime.network.DenseLayer;
import dev.vigil.runtime.network.Layer;
import dev.vigil.runtime.network.Network;
import dev.vigil.runtime.network.NeuronModel;
import dev.vigil.runtime.network.RecurrentLayer;
import dev.vigil.runtime.network.SumPoolLayer;
import dev.vigil.runtime.nir.NirGraph;
import dev.vigil.runtime.nir.NirNode;
import dev.vigil.runtime.nir.NirWriter;
import dev.vigil.runtime.nir.Tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The quantised network of a compilation as a NIR graph, so that it runs elsewhere as it runs here:
 * every integer dequantised by its layer's scale into float64, each neuron's gain folded into its
 * weights (so {@code r = tau/dt} and {@code w_in = tau_syn/dt}), decays as time constants
 * {@code dt / (decay / 2^D)}, a CUBA layer's one-step delay as a Delay node. The voltage is the
 * device's, shifted so that it resets to 0: a leaky neuron's leak target is where it starts, an IF
 * neuron's start becomes {@code -v_reset}. Re-importing the graph for the same device with the same
 * {@code dt} gives the same integers (the decays round back, the weights are exact multiples of the
 * scale). Layer names with {@code /} (nodes of flattened subgraphs) are written with {@code .}.
 */
public final class NirExport {

    private NirExport() {
    }

    /** The graph of {@code result}'s quantised network. */
    public static NirGraph graph(CompilationResult result) {
        Network network = result.program().network();
        Map<String, Double> scales = new LinkedHashMap<>();
        for (LayerQuantisation q : result.model().report().layers()) {
            scales.put(q.layer(), q.scale());
        }
        Builder b = new Builder(result.model().dt());
        int[] shape = result.inputShape();
        b.nodes.put("input", new NirNode.Input(vector(shape)));
        String previous = "input";
        List<Layer> layers = network.layers();
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            refuseWhatNirCannotExpress(layer);
            String name = layer.name().replace('/', '.');
            boolean last = i == layers.size() - 1;
            switch (layer) {
                case SumPoolLayer p -> {
                    b.add(previous, name, new NirNode.SumPool2d(vector(p.kernel(), p.kernel()),
                            vector(p.stride(), p.stride()), vector(0, 0)));
                    previous = name;
                    shape = new int[] {p.output().channels(), p.output().height(), p.output().width()};
                }
                case DenseLayer d -> {
                    previous = b.flatten(previous, name, shape);
                    double s = scales.get(layer.name());
                    previous = b.add(previous, name + "_w", new NirNode.Affine(outMajor(d.weights(), d.inputs(),
                            d.neurons(), s), Tensor.vector(b.bias((CubaLif) d.neuron(), s, d.neurons()))));
                    previous = b.neuron(previous, name, (CubaLif) d.neuron(), s, new int[] {d.neurons()}, last);
                    shape = new int[] {d.neurons()};
                }
                case RecurrentLayer r -> {
                    previous = b.flatten(previous, name, shape);
                    double s = scales.get(layer.name());
                    previous = b.add(previous, name + "_w", new NirNode.Affine(outMajor(r.weights(), r.inputs(),
                            r.neurons(), s), Tensor.vector(b.bias((CubaLif) r.neuron(), s, r.neurons()))));
                    previous = b.neuron(previous, name, (CubaLif) r.neuron(), s, new int[] {r.neurons()}, last);
                    b.nodes.put(name + "_rec", new NirNode.Linear(outMajor(r.recurrentWeights(), r.neurons(),
                            r.neurons(), s)));
                    b.edges.add(new NirGraph.Edge(name, name + "_rec"));
                    b.edges.add(new NirGraph.Edge(name + "_rec", name));
                    shape = new int[] {r.neurons()};
                }
                case ConvLayer c -> {
                    double s = scales.get(layer.name());
                    boolean oneD = shape.length == 2 && c.input().height() == 1 && c.kernelHeight() == 1;
                    double[] w = Arrays.stream(c.weights()).asDoubleStream().toArray();
                    for (int k = 0; k < w.length; k++) {
                        w[k] /= s;
                    }
                    double[] bias = b.convBias((CubaLif) c.neuron(), s, c);
                    NirNode node = oneD
                            ? new NirNode.Conv1d(new Tensor(new int[] {c.outChannels(), c.inChannelsPerGroup(),
                            c.kernelWidth()}, w), vector(c.strideX()), vector(c.padX()), vector(1),
                            Tensor.scalar(c.groups()), Tensor.vector(bias), Tensor.scalar(c.input().width()))
                            : new NirNode.Conv2d(new Tensor(new int[] {c.outChannels(), c.inChannelsPerGroup(),
                            c.kernelHeight(), c.kernelWidth()}, w), vector(c.strideY(), c.strideX()),
                            vector(c.padY(), c.padX()), vector(1, 1), Tensor.scalar(c.groups()), Tensor.vector(bias),
                            vector(c.input().height(), c.input().width()));
                    previous = b.add(previous, name + "_w", node);
                    shape = oneD ? new int[] {c.outChannels(), c.output().width()}
                            : new int[] {c.outChannels(), c.output().height(), c.output().width()};
                    previous = b.neuron(previous, name, (CubaLif) c.neuron(), s, shape, last);
                }
            }
        }
        b.add(previous, "output", new NirNode.Output(vector(shape)));
        return new NirGraph(NirWriter.VERSION, b.nodes, b.edges);
    }

    /**
     * Refuses a layer whose neurons NIR has no node for: Vigil's own shift-leak integer LIF (the built-in
     * front ends' readouts; {@code v -= v >> k} and a refractory period, as on Xylo-class chips).
     */
    private static void refuseWhatNirCannotExpress(Layer layer) {
        NeuronModel neuron = switch (layer) {
            case DenseLayer d -> d.neuron();
            case RecurrentLayer r -> r.neuron();
            case ConvLayer c -> c.neuron();
            case SumPoolLayer p -> null;
        };
        if (neuron != null && !(neuron instanceof CubaLif)) {
            throw new IllegalArgumentException("layer '" + layer.name() + "' has " + neuron.kind()
                    + " neurons, which no NIR node expresses exactly; front ends compiled from a NIR graph export"
                    + " (the built-in front ends' shift-leak readouts do not)");
        }
    }

    /** The network model's input-major weights as NIR's {@code [out][in]}, divided by {@code scale}. */
    private static Tensor outMajor(int[] inputMajor, int inputs, int outputs, double scale) {
        double[] w = new double[inputMajor.length];
        for (int i = 0; i < inputs; i++) {
            for (int o = 0; o < outputs; o++) {
                w[o * inputs + i] = inputMajor[i * outputs + o] / scale;
            }
        }
        return new Tensor(new int[] {outputs, inputs}, w);
    }

    private static int size(int[] shape) {
        return Arrays.stream(shape).reduce(1, (a, b) -> a * b);
    }

    private static Tensor vector(int... values) {
        return Tensor.vector(Arrays.stream(values).asDoubleStream().toArray());
    }

    /** Nodes and edges as they are added, and the per-neuron parameters of CUBA layers. */
    private static final class Builder {
        final Map<String, NirNode> nodes = new LinkedHashMap<>();
        final List<NirGraph.Edge> edges = new ArrayList<>();
        private final double dt;

        Builder(double dt) {
            this.dt = dt;
        }

        String add(String from, String name, NirNode node) {
            nodes.put(name, node);
            edges.add(new NirGraph.Edge(from, name));
            return name;
        }

        /** A Flatten in front of a dense layer fed by a map. */
        String flatten(String from, String layer, int[] shape) {
            if (shape.length == 1) {
                return from;
            }
            return add(from, layer + "_flat", new NirNode.Flatten(Tensor.scalar(0), Tensor.scalar(-1), vector(shape)));
        }

        /**
         * Per-neuron constant input: the current bias, and the voltage bias beyond the leak (as the input
         * current that settles to it).
         */
        double[] bias(CubaLif c, double scale, int neurons) {
            double unit = unit(c, scale);
            double[] b = new double[neurons];
            for (int n = 0; n < neurons; n++) {
                b[n] = (c.currentBias(n) + extraVoltageBias(c, n)) / unit;
            }
            return b;
        }

        /** A convolution's bias per output channel (the per-neuron bias must be uniform within a channel). */
        double[] convBias(CubaLif c, double scale, ConvLayer conv) {
            double[] perNeuron = bias(c, scale, conv.neurons());
            int per = conv.neurons() / conv.outChannels();
            double[] b = new double[conv.outChannels()];
            for (int k = 0; k < b.length; k++) {
                b[k] = perNeuron[k * per];
                for (int n = k * per; n < (k + 1) * per; n++) {
                    if (perNeuron[n] != b[k]) {
                        throw new IllegalArgumentException("layer '" + conv.name() + "': constant input varies within"
                                + " channel " + k + ", which a NIR convolution bias cannot hold");
                    }
                }
            }
            return b;
        }

        /** The part of the voltage bias a leak toward the start does not explain, in state units. */
        private static long extraVoltageBias(CubaLif c, int n) {
            long leak = Math.round((double) c.dv(n) / c.format().decayOne() * c.initialV(n));
            long extra = c.bias(n) - leak;
            int one = c.format().decayOne();
            if (c.du(n) == one - 1) {
                return extra;
            }
            // a current-based neuron: a constant current b settles at b / (fraction lost per step)
            return Math.round(extra * (c.du(n) + 1.0) / one);
        }

        private static double unit(CubaLif c, double scale) {
            return (1L << c.format().alignShift()) * scale;
        }

        String neuron(String from, String name, CubaLif c, double scale, int[] shape, boolean last) {
            if (c.delay() == 1) {
                double[] delay = new double[size(shape)];
                Arrays.fill(delay, dt);
                from = add(from, name + "_delay", new NirNode.Delay(new Tensor(shape, delay)));
            }
            int n = size(shape);
            int one = c.format().decayOne();
            double unit = unit(c, scale);
            boolean currentBased = false;
            boolean leaky = false;
            for (int i = 0; i < n; i++) {
                currentBased |= c.du(i) < one - 1;
                leaky |= c.dv(i) > 0;
            }
            boolean spiking = !last || c.threshold() < (1L << c.format().thresholdBits()) - 1;
            double[] tauSyn = new double[n];
            double[] tauMem = new double[n];
            double[] r = new double[n];
            double[] wIn = new double[n];
            double[] vLeak = new double[n];
            double[] vThreshold = new double[n];
            double[] vReset = new double[n];
            for (int i = 0; i < n; i++) {
                double as = (c.du(i) + 1.0) / one;
                double av = (double) c.dv(i) / one;
                double start = c.initialV(i) / unit;
                tauSyn[i] = dt / as;
                wIn[i] = 1 / as;
                if (leaky) {
                    if (av == 0) {
                        throw new IllegalArgumentException("layer '" + name + "': neuron " + i + " keeps its voltage"
                                + " while others of the layer leak; NIR needs one neuron type per node");
                    }
                    tauMem[i] = dt / av;
                    r[i] = 1 / av;
                    vLeak[i] = start;
                    vThreshold[i] = c.threshold() / scale;
                } else {
                    r[i] = 1;
                    vReset[i] = -start;
                    vThreshold[i] = c.threshold() / scale - start;
                }
            }
            NirNode node;
            if (currentBased && !leaky) {
                throw new IllegalArgumentException("layer '" + name + "': a current-based neuron without voltage leak"
                        + " has no NIR node");
            }
            if (currentBased) {
                node = spiking ? new NirNode.CubaLIF(of(shape, tauSyn), of(shape, tauMem), of(shape, r),
                        of(shape, vLeak), of(shape, vThreshold), of(shape, vReset), of(shape, wIn))
                        : new NirNode.CubaLI(of(shape, tauSyn), of(shape, tauMem), of(shape, r), of(shape, vLeak),
                        of(shape, wIn));
            } else if (leaky) {
                node = spiking ? new NirNode.LIF(of(shape, tauMem), of(shape, r), of(shape, vLeak),
                        of(shape, vThreshold), of(shape, vReset))
                        : new NirNode.LI(of(shape, tauMem), of(shape, r), of(shape, vLeak));
            } else {
                node = spiking ? new NirNode.IF(of(shape, r), of(shape, vThreshold), of(shape, vReset))
                        : new NirNode.Integrator(of(shape, r));
            }
            return add(from, name, node);
        }

        private static Tensor of(int[] shape, double[] values) {
            return new Tensor(shape, values);
        }
    }
}
