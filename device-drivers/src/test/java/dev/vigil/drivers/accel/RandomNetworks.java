package dev.vigil.drivers.accel;

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

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Small random networks for one device family, with random inputs, for property tests. The Akida
 * family mixes AKD1000's stateless quantised-ReLU layers with the second generation's stateful ones:
 * every recurrent layer and a third of the others are current-based LIF. The Loihi family's sum
 * pooling (routing on the chip) never overlaps and always feeds a layer with weights. Current-based
 * layers sometimes have per-neuron decays and initial voltages; in the general family, half of them
 * use the golden device's wide format, with constant input currents.
 */
final class RandomNetworks {
    enum Family { LOIHI, AKIDA, ANY }

    private final Random rnd;
    private final Family family;

    RandomNetworks(long seed, Family family) {
        this.rnd = new Random(seed);
        this.family = family;
    }

    Network next(int id) {
        int layerCount = 1 + rnd.nextInt(3);
        List<Layer> layers = new ArrayList<>();
        FeatureShape shape = new FeatureShape(1 + rnd.nextInt(3), 2 + rnd.nextInt(6), 2 + rnd.nextInt(6));
        int inputs = shape.size();
        int size = inputs;
        boolean afterPool = false;
        for (int l = 0; l < layerCount; l++) {
            String name = "l" + l;
            exponent = family == Family.LOIHI ? rnd.nextInt(8) : 0;
            int kind = rnd.nextInt(4);
            boolean poolAllowed = family != Family.LOIHI || !afterPool && l + 1 < layerCount;
            afterPool = false;
            Layer layer;
            if (kind == 0 && shape != null) {
                layer = conv(name, shape);
                shape = ((ConvLayer) layer).output();
            } else if (kind == 1 && shape != null && poolAllowed && shape.height() >= 2 && shape.width() >= 2) {
                int k = 1 + rnd.nextInt(Math.min(2, Math.min(shape.height(), shape.width())));
                int stride = family == Family.ANY && rnd.nextBoolean() ? 1 : k;
                afterPool = true;
                layer = new SumPoolLayer(name, shape, k, stride);
                shape = ((SumPoolLayer) layer).output();
            } else if (kind == 2) {
                int n = 1 + rnd.nextInt(24);
                NeuronModel model = family == Family.AKIDA ? cuba(n) : neuron(n);
                layer = new RecurrentLayer(name, size, n, weights(size * n), weights(n * n), model);
                shape = null;
            } else {
                int n = 1 + rnd.nextInt(32);
                layer = new DenseLayer(name, size, n, weights(size * n), neuron(n));
                shape = null;
            }
            layers.add(layer);
            size = layer.neurons();
        }
        return new Network("random-" + id, inputs, layers);
    }

    private ConvLayer conv(String name, FeatureShape in) {
        int groups = 1;
        int outChannels = 1 + rnd.nextInt(4);
        if (rnd.nextInt(3) == 0 && in.channels() > 1) {
            groups = in.channels();
            outChannels = groups * (1 + rnd.nextInt(2));
        }
        int kh = 1 + rnd.nextInt(Math.min(3, in.height()));
        int kw = 1 + rnd.nextInt(Math.min(3, in.width()));
        int stride = 1 + rnd.nextInt(2);
        int pad = rnd.nextInt(2);
        int n = outChannels * (in.channels() / groups) * kh * kw;
        ConvLayer probe = new ConvLayer(name, in, outChannels, kh, kw, stride, 1 + rnd.nextInt(2), pad,
                rnd.nextInt(2), groups, weights(n), Relay.INSTANCE);
        return probe.withNeuron(neuron(probe.neurons()));
    }

    private int exponent;

    private int[] weights(int n) {
        Supplier<Integer> draw = switch (family) {
            case LOIHI -> () -> (rnd.nextInt(256) - 128) << exponent;
            case AKIDA -> {
                int bits = new int[] {1, 2, 4, 8}[rnd.nextInt(4)];
                yield bits == 1 ? () -> rnd.nextInt(2) : () -> rnd.nextInt(1 << bits) - (1 << (bits - 1));
            }
            case ANY -> () -> rnd.nextInt(200) - 80;
        };
        int[] w = new int[n];
        for (int i = 0; i < n; i++) {
            w[i] = rnd.nextInt(4) == 0 ? 0 : draw.get();
        }
        return w;
    }

    private NeuronModel neuron(int neurons) {
        return switch (family) {
            case LOIHI -> cuba(neurons);
            case AKIDA -> rnd.nextInt(3) == 0 ? cuba(neurons) : qrelu();
            case ANY -> switch (rnd.nextInt(3)) {
                case 0 -> shiftLif();
                case 1 -> cuba(neurons);
                default -> qrelu();
            };
        };
    }

    private CubaLif cuba(int neurons) {
        boolean wide = family == Family.ANY && rnd.nextBoolean();
        if (wide) {
            return wideCuba(neurons);
        }
        int[] decays = {0, 1, 163, 410, 2048, 4094, 4095};
        int du = rnd.nextBoolean() ? decays[rnd.nextInt(decays.length)] : rnd.nextInt(4096);
        int dv = rnd.nextBoolean() ? decays[rnd.nextInt(decays.length)] : rnd.nextInt(4096);
        int threshold = rnd.nextInt(4) == 0 ? rnd.nextInt(131072) : rnd.nextInt(2000);
        int[] biases = null;
        if (rnd.nextBoolean()) {
            biases = new int[neurons];
            for (int i = 0; i < neurons; i++) {
                biases[i] = rnd.nextInt(8192) - 4096;
            }
        }
        int[] dus = rnd.nextInt(4) == 0 ? draws(neurons, 4096, 0) : null;
        int[] dvs = rnd.nextInt(4) == 0 ? draws(neurons, 4096, 0) : null;
        int[] initialV = rnd.nextInt(4) == 0 ? draws(neurons, 1 << 20, -(1 << 19)) : null;
        return new CubaLif(du, dv, rnd.nextInt(8192) - 4096, rnd.nextInt(8), threshold, rnd.nextInt(2), biases, dus,
                dvs, initialV, null, CubaFormat.LOIHI);
    }

    /** The golden device's wide format: 24-bit decays, state within +-2^30, no align shift. */
    private CubaLif wideCuba(int neurons) {
        int one = 1 << 24;
        int[] decays = {0, 1, one / 10, one / 3, one / 2, one - 2, one - 1};
        int du = decays[rnd.nextInt(decays.length)];
        int dv = decays[rnd.nextInt(decays.length)];
        int threshold = rnd.nextInt(4) == 0 ? rnd.nextInt(1 << 30) : rnd.nextInt(2000);
        int[] biases = rnd.nextBoolean() ? draws(neurons, 400, -200) : null;
        int[] dus = rnd.nextBoolean() ? draws(neurons, one, 0) : null;
        int[] dvs = rnd.nextBoolean() ? draws(neurons, one, 0) : null;
        int[] initialV = rnd.nextBoolean() ? draws(neurons, 4000, -2000) : null;
        int[] currentBias = rnd.nextBoolean() ? draws(neurons, 200, -100) : null;
        return new CubaLif(du, dv, rnd.nextInt(400) - 200, 0, threshold, rnd.nextInt(2), biases, dus, dvs, initialV,
                currentBias, CubaFormat.WIDE);
    }

    private int[] draws(int n, int bound, int offset) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = offset + rnd.nextInt(bound);
        }
        return a;
    }

    private QuantizedRelu qrelu() {
        return new QuantizedRelu(1 + rnd.nextInt(60), new int[] {1, 2, 4}[rnd.nextInt(3)]);
    }

    private NeuronParams shiftLif() {
        return new NeuronParams(1 + rnd.nextInt(300), rnd.nextInt(9), rnd.nextBoolean() ? ResetMode.ZERO
                : ResetMode.SUBTRACT, rnd.nextInt(3) == 0 ? rnd.nextInt(4) : 0);
    }

    /** Input events per step: {@code steps x events}, each an input index (repeats allowed). */
    int[][] inputs(Network network, int steps) {
        int[][] in = new int[steps][];
        double density = rnd.nextDouble();
        for (int s = 0; s < steps; s++) {
            int count = (int) (rnd.nextInt(2 * network.inputs() + 1) * density);
            in[s] = new int[count];
            for (int k = 0; k < count; k++) {
                in[s][k] = rnd.nextInt(network.inputs());
            }
        }
        return in;
    }
}
