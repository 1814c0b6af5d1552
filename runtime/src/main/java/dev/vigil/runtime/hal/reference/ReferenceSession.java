package dev.vigil.runtime.hal.reference;

import dev.vigil.runtime.hal.ActivityCounts;
import dev.vigil.runtime.hal.DeviceSession;
import dev.vigil.runtime.network.DenseLayer;
import dev.vigil.runtime.network.Layer;
import dev.vigil.runtime.network.Network;
import dev.vigil.runtime.network.NeuronParams;
import dev.vigil.runtime.network.ResetMode;

import java.util.function.IntConsumer;

/**
 * Runs a network the plain way. Per step and layer: sum the input of every neuron from the spikes it
 * received (dense: one weight row per input spike), then update every neuron (leak, integrate, fire,
 * reset, refractory). The layer's spikes feed the next layer in the same step.
 */
final class ReferenceSession implements DeviceSession {
    private final Network network;
    private final int[][] v;
    private final int[][] refractory;
    private final int[][] current;
    private final int[] inputCounts;
    private long synapticOps;
    private long neuronUpdates;
    private long spikesRouted;
    private long outputSpikeCount;
    private long steps;

    ReferenceSession(Network network) {
        this.network = network;
        int n = network.layers().size();
        v = new int[n][];
        refractory = new int[n][];
        current = new int[n][];
        for (int l = 0; l < n; l++) {
            int size = network.layers().get(l).neurons();
            v[l] = new int[size];
            refractory[l] = new int[size];
            current[l] = new int[size];
        }
        inputCounts = new int[network.inputs()];
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
        int[] spikesIn = inputCounts.clone();
        java.util.Arrays.fill(inputCounts, 0);
        for (int l = 0; l < network.layers().size(); l++) {
            Layer layer = network.layers().get(l);
            int[] cur = current[l];
            java.util.Arrays.fill(cur, 0);
            if (layer instanceof DenseLayer dense) {
                for (int i = 0; i < spikesIn.length; i++) {
                    for (int k = 0; k < spikesIn[i]; k++) {
                        spikesRouted++;
                        for (int n = 0; n < dense.neurons(); n++) {
                            cur[n] += dense.weight(i, n);
                            synapticOps++;
                        }
                    }
                }
            }
            int[] spikesOut = new int[layer.neurons()];
            NeuronParams p = layer.neuron();
            for (int n = 0; n < layer.neurons(); n++) {
                neuronUpdates++;
                if (refractory[l][n] > 0) {
                    refractory[l][n]--;
                    continue;
                }
                int vn = v[l][n];
                if (p.leakShift() > 0) {
                    vn = vn - (vn >> p.leakShift());
                }
                vn = vn + cur[n];
                if (vn >= p.threshold()) {
                    spikesOut[n] = 1;
                    vn = p.reset() == ResetMode.ZERO ? 0 : vn - p.threshold();
                    refractory[l][n] = p.refractorySteps();
                }
                v[l][n] = vn;
            }
            spikesIn = spikesOut;
        }
        for (int n = 0; n < spikesIn.length; n++) {
            if (spikesIn[n] > 0) {
                outputSpikeCount++;
                outputSpikes.accept(n);
            }
        }
        steps++;
    }

    @Override
    public int[] potentials(int layer) {
        return v[layer].clone();
    }

    @Override
    public ActivityCounts counts() {
        return new ActivityCounts(synapticOps, neuronUpdates, spikesRouted, outputSpikeCount, steps);
    }

    @Override
    public void reset() {
        for (int l = 0; l < v.length; l++) {
            java.util.Arrays.fill(v[l], 0);
            java.util.Arrays.fill(refractory[l], 0);
        }
        java.util.Arrays.fill(inputCounts, 0);
    }

    @Override
    public void close() {
        // nothing held outside the heap
    }
}
