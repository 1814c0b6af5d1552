package dev.vigil.runtime.hal.reference;

import dev.vigil.runtime.hal.ActivityCounts;
import dev.vigil.runtime.hal.DeviceSession;
import dev.vigil.runtime.network.ConvLayer;
import dev.vigil.runtime.network.CubaFormat;
import dev.vigil.runtime.network.CubaLif;
import dev.vigil.runtime.network.DenseLayer;
import dev.vigil.runtime.network.FeatureShape;
import dev.vigil.runtime.network.Layer;
import dev.vigil.runtime.network.Network;
import dev.vigil.runtime.network.NeuronModel;
import dev.vigil.runtime.network.NeuronParams;
import dev.vigil.runtime.network.QuantizedRelu;
import dev.vigil.runtime.network.RecurrentLayer;
import dev.vigil.runtime.network.Relay;
import dev.vigil.runtime.network.ResetMode;
import dev.vigil.runtime.network.SumPoolLayer;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * Runs a network the plain way. Per step and layer: compute every neuron's summed input from the
 * event counts its inputs carry (a convolution or pooling as the textbook gather over its window),
 * delay it if the neuron model says so, then update every neuron. A layer's events feed the next
 * layer in the same step; a recurrent layer's events feed itself in the next step.
 */
final class ReferenceSession implements DeviceSession {
    private final Network network;
    private final int[][] v;
    private final int[][] aux;
    private final int[][] delayed;
    private final int[][] lastSpikes;
    private final int[] inputCounts;
    private long synapticOps;
    private long neuronUpdates;
    private long activeUpdates;
    private long spikesRouted;
    private long outputSpikeCount;
    private long steps;

    ReferenceSession(Network network) {
        this.network = network;
        int n = network.layers().size();
        v = new int[n][];
        aux = new int[n][];
        delayed = new int[n][];
        lastSpikes = new int[n][];
        for (int l = 0; l < n; l++) {
            int size = network.layers().get(l).neurons();
            v[l] = new int[size];
            aux[l] = new int[size];
            delayed[l] = new int[size];
            lastSpikes[l] = new int[size];
        }
        inputCounts = new int[network.inputs()];
        initialVoltages();
    }

    /** Sets every current-based neuron's voltage to its initial value. */
    private void initialVoltages() {
        for (int l = 0; l < v.length; l++) {
            if (network.layers().get(l).neuron() instanceof CubaLif c) {
                for (int n = 0; n < v[l].length; n++) {
                    v[l][n] = c.initialV(n);
                }
            }
        }
    }

    @Override
    public void inject(int input) {
        if (input < 0 || input >= inputCounts.length) {
            throw new IndexOutOfBoundsException("input " + input + " outside 0.." + (inputCounts.length - 1));
        }
        inputCounts[input]++;
    }

    @Override
    public void step(IntConsumer outputSpikes) {
        int[] in = inputCounts.clone();
        Arrays.fill(inputCounts, 0);
        for (int l = 0; l < network.layers().size(); l++) {
            Layer layer = network.layers().get(l);
            for (int count : in) {
                spikesRouted += count;
            }
            int[] input = synapticInput(l, layer, in);
            if (layer.neuron() instanceof CubaLif c && c.delay() == 1) {
                int[] now = delayed[l];
                delayed[l] = input;
                input = now;
            }
            int[] out = new int[layer.neurons()];
            for (int n = 0; n < layer.neurons(); n++) {
                out[n] = update(l, n, layer.neuron(), input[n]);
            }
            lastSpikes[l] = out;
            in = out;
        }
        for (int n = 0; n < in.length; n++) {
            for (int k = 0; k < in[n]; k++) {
                outputSpikeCount++;
                outputSpikes.accept(n);
            }
        }
        steps++;
    }

    private int[] synapticInput(int l, Layer layer, int[] in) {
        int[] sum = new int[layer.neurons()];
        switch (layer) {
            case DenseLayer d -> {
                for (int n = 0; n < d.neurons(); n++) {
                    for (int i = 0; i < d.inputs(); i++) {
                        sum[n] += in[i] * d.weight(i, n);
                        synapticOps += in[i];
                    }
                }
            }
            case RecurrentLayer r -> {
                for (int n = 0; n < r.neurons(); n++) {
                    for (int i = 0; i < r.inputs(); i++) {
                        sum[n] += in[i] * r.weight(i, n);
                        synapticOps += in[i];
                    }
                    for (int m = 0; m < r.neurons(); m++) {
                        sum[n] += lastSpikes[l][m] * r.recurrentWeight(m, n);
                        synapticOps += lastSpikes[l][m];
                    }
                }
            }
            case ConvLayer c -> convolve(c, in, sum);
            case SumPoolLayer p -> pool(p, in, sum);
        }
        return sum;
    }

    private void convolve(ConvLayer c, int[] in, int[] sum) {
        FeatureShape src = c.input();
        FeatureShape out = c.output();
        int cinG = c.inChannelsPerGroup();
        int coutG = c.outChannels() / c.groups();
        for (int co = 0; co < out.channels(); co++) {
            int g = co / coutG;
            for (int y = 0; y < out.height(); y++) {
                for (int x = 0; x < out.width(); x++) {
                    int total = 0;
                    for (int cig = 0; cig < cinG; cig++) {
                        for (int ky = 0; ky < c.kernelHeight(); ky++) {
                            for (int kx = 0; kx < c.kernelWidth(); kx++) {
                                int iy = y * c.strideY() + ky - c.padY();
                                int ix = x * c.strideX() + kx - c.padX();
                                if (iy >= 0 && iy < src.height() && ix >= 0 && ix < src.width()) {
                                    int count = in[src.index(g * cinG + cig, iy, ix)];
                                    total += count * c.weight(co, cig, ky, kx);
                                    synapticOps += count;
                                }
                            }
                        }
                    }
                    sum[out.index(co, y, x)] = total;
                }
            }
        }
    }

    private void pool(SumPoolLayer p, int[] in, int[] sum) {
        FeatureShape src = p.input();
        FeatureShape out = p.output();
        for (int c = 0; c < out.channels(); c++) {
            for (int y = 0; y < out.height(); y++) {
                for (int x = 0; x < out.width(); x++) {
                    int total = 0;
                    for (int dy = 0; dy < p.kernel(); dy++) {
                        for (int dx = 0; dx < p.kernel(); dx++) {
                            total += in[src.index(c, y * p.stride() + dy, x * p.stride() + dx)];
                        }
                    }
                    sum[out.index(c, y, x)] = total;
                }
            }
        }
    }

    /** Updates neuron {@code n} of layer {@code l} with summed input {@code input}; returns its events. */
    private int update(int l, int n, NeuronModel model, int input) {
        return switch (model) {
            case NeuronParams p -> updateShiftLif(l, n, p, input);
            case CubaLif c -> updateCuba(l, n, c, input);
            case QuantizedRelu q -> {
                v[l][n] = input;
                int a = q.activation(input);
                count(a > 0 || input != 0);
                yield a;
            }
            case Relay r -> {
                v[l][n] = input;
                yield Math.max(input, 0);
            }
        };
    }

    private int updateShiftLif(int l, int n, NeuronParams p, int input) {
        count(input != 0);
        if (aux[l][n] > 0) {
            aux[l][n]--;
            return 0;
        }
        int vn = v[l][n];
        if (p.leakShift() > 0) {
            vn = vn - (vn >> p.leakShift());
        }
        vn = vn + input;
        int spike = 0;
        if (vn >= p.threshold()) {
            spike = 1;
            vn = p.reset() == ResetMode.ZERO ? 0 : vn - p.threshold();
            aux[l][n] = p.refractorySteps();
        }
        v[l][n] = vn;
        return spike;
    }

    private int updateCuba(int l, int n, CubaLif c, int input) {
        // input and current summed in 32-bit arithmetic, wrapping as Lava's int32 arrays do, then wrapped
        // to the format's width
        CubaFormat f = c.format();
        int sum = (int) f.decay(aux[l][n], c.du(n) + 1) + (input << f.alignShift()) + c.currentBias(n);
        long u = f.wrap(sum);
        long vn = f.saturate(f.decay(v[l][n], c.dv(n)) + u + c.bias(n));
        int spike = 0;
        if (vn > (long) c.threshold() << f.alignShift()) {
            spike = 1;
            vn = 0;
        }
        aux[l][n] = (int) u;
        v[l][n] = (int) vn;
        count(input != 0 || spike != 0);
        return spike;
    }

    private void count(boolean active) {
        neuronUpdates++;
        if (active) {
            activeUpdates++;
        }
    }

    @Override
    public int[] potentials(int layer) {
        if (network.layers().get(layer).neuron() instanceof Relay) {
            return new int[0];
        }
        return v[layer].clone();
    }

    @Override
    public int[] auxiliaryState(int layer) {
        NeuronModel model = network.layers().get(layer).neuron();
        return model instanceof CubaLif || model instanceof NeuronParams ? aux[layer].clone() : new int[0];
    }

    @Override
    public ActivityCounts counts() {
        return new ActivityCounts(synapticOps, neuronUpdates, spikesRouted, outputSpikeCount, steps, activeUpdates, 0);
    }

    @Override
    public void reset() {
        for (int l = 0; l < v.length; l++) {
            Arrays.fill(v[l], 0);
            Arrays.fill(aux[l], 0);
            Arrays.fill(delayed[l], 0);
            Arrays.fill(lastSpikes[l], 0);
        }
        Arrays.fill(inputCounts, 0);
        initialVoltages();
    }

    @Override
    public void close() {
        // nothing held outside the heap
    }
}
