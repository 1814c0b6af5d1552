package dev.vigil.drivers.accel.engine;

import dev.vigil.runtime.hal.ActivityCounts;
import dev.vigil.runtime.hal.DeviceSession;
import dev.vigil.runtime.network.CubaFormat;
import dev.vigil.runtime.network.CubaLif;
import dev.vigil.runtime.network.Network;
import dev.vigil.runtime.network.NeuronParams;
import dev.vigil.runtime.network.QuantizedRelu;
import dev.vigil.runtime.network.Relay;
import dev.vigil.runtime.network.ResetMode;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.IntConsumer;

/**
 * Fast event-driven execution of a network, shared by the emulated devices. An injected event is
 * routed at once: its synapse row is added into the first layer's accumulators, so the work of a
 * step is proportional to the events that arrive. {@link #step} then updates each layer's neurons
 * in one tight pass over primitive arrays and routes the emitted events the same way into the next
 * layer. Nothing is allocated after construction.
 */
public final class EventEngine implements DeviceSession {
    private final Network network;
    private final EngineLayer[] layers;
    private final EngineLayer first;
    private final int[] firstRemap;
    private final SynapseTable firstTable;
    private final int[] firstHops;
    private final int fusedRelays;
    private final int[] networkToEngine;
    private final int inputs;
    private final int[] pendingInput;
    private final long[] touchedRows;
    /** Whether integer LIF state saturates at {@link #stateMin}..{@link #stateMax} (a device narrower than 32 bits). */
    private final boolean saturating;
    private final int stateMin;
    private final int stateMax;
    private final EngineKernels kernels;
    /** The single spike of {@link #inject(int)}, handed to the batch path. */
    private final int[] oneSpike = new int[1];

    private long synapticOps;
    private long deferredSynapticOps;
    private long neuronUpdates;
    private long spikesRouted;
    private long outputSpikes;
    private long steps;
    private long meshHops;

    /** Lowers {@code network}; {@code hops} (nullable) prices routing between cores. */
    public EventEngine(Network network, HopModel hops) {
        this(network, hops, 32);
    }

    /**
     * As {@link #EventEngine(Network, HopModel)}, the integer LIF neurons' input and potential saturating at
     * {@code stateBits} signed bits (32: plain ints, as the golden device).
     */
    public EventEngine(Network network, HopModel hops, int stateBits) {
        this(network, hops, stateBits, EngineKernels.best());
    }

    /** As {@link #EventEngine(Network, HopModel, int)} with the given kernels (tests compare the two). */
    EventEngine(Network network, HopModel hops, int stateBits, EngineKernels kernels) {
        this.kernels = kernels;
        if (stateBits < 2 || stateBits > 32) {
            throw new IllegalArgumentException("state bits must be 2..32, got " + stateBits);
        }
        saturating = stateBits < 32;
        stateMax = saturating ? (1 << (stateBits - 1)) - 1 : Integer.MAX_VALUE;
        stateMin = saturating ? -(1 << (stateBits - 1)) : Integer.MIN_VALUE;
        this.network = network;
        List<EngineLayer> lowered = LayerLowering.lower(network, hops);
        layers = lowered.toArray(new EngineLayer[0]);
        first = layers[0];
        firstRemap = first.remap;
        firstTable = first.table;
        firstHops = first.hopsPerSource;
        fusedRelays = first.networkIndex;
        networkToEngine = new int[network.layers().size()];
        Arrays.fill(networkToEngine, -1);
        for (int e = 0; e < layers.length; e++) {
            networkToEngine[layers[e].networkIndex] = e;
        }
        inputs = network.inputs();
        int rows = firstTable.rowStart.length - 1;
        pendingInput = new int[rows];
        touchedRows = new long[(rows + 63) >>> 6];
    }

    @Override
    public void inject(int input) {
        oneSpike[0] = input;
        inject(oneSpike, 0, 1);
    }

    /**
     * Counts each spike on its first-layer row (through a fused pooling's remap) for the next step, with
     * the bookkeeping held in locals for the whole batch; {@link #inject(int)} is a batch of one.
     */
    @Override
    public void inject(int[] spikes, int from, int to) {
        Objects.checkFromToIndex(from, to, spikes.length);
        int[] remap = firstRemap;
        int[] hops = firstHops;
        int[] pending = pendingInput;
        long[] touched = touchedRows;
        long delivered = 0;
        long hopSum = 0;
        int k = from;
        try {
            for (; k < to; k++) {
                int input = spikes[k];
                checkInput(input);
                int row = input;
                if (remap != null) {
                    row = remap[input];
                    if (row < 0) {
                        continue;
                    }
                }
                if (hops != null) {
                    hopSum += hops[input];
                }
                delivered++;
                pending[row]++;
                touched[row >>> 6] |= 1L << row;
            }
        } finally {
            spikesRouted += (long) fusedRelays * (k - from) + delivered;
            meshHops += hopSum;
        }
    }

    private void checkInput(int input) {
        if (input < 0 || input >= inputs) {
            throw new IndexOutOfBoundsException("input " + input + " outside 0.." + (inputs - 1));
        }
    }

    /**
     * Routes the step's injected events: several events on one row are added as one multiple, and
     * rows are delivered in index order (a bitmap walk), so neighbouring inputs update neighbouring
     * accumulators while they are still in the L1 cache.
     */
    private void routeInjected() {
        int[] acc = first.acc;
        long[] words = touchedRows;
        for (int w = 0; w < words.length; w++) {
            long bits = words[w];
            if (bits == 0) {
                continue;
            }
            words[w] = 0;
            do {
                int row = (w << 6) + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                int times = pendingInput[row];
                pendingInput[row] = 0;
                synapticOps += (long) firstTable.rowSynapses[row] * times;
                firstTable.scatter(row, times, acc, first.dirty, EngineLayer.BLOCK_SHIFT, kernels);
            } while (bits != 0);
        }
    }

    @Override
    public void step(IntConsumer sink) {
        synapticOps += deferredSynapticOps;
        deferredSynapticOps = 0;
        routeInjected();
        for (int e = 0; e < layers.length; e++) {
            EngineLayer l = layers[e];
            update(l);
            if (l.recurrent != null) {
                for (int k = 0; k < l.spikeCount; k++) {
                    int s = l.spikes[k];
                    deferredSynapticOps += (long) l.recurrent.rowSynapses[s] * l.spikeCounts[k];
                    l.recurrent.scatter(s, l.spikeCounts[k], l.acc, l.dirty, EngineLayer.BLOCK_SHIFT, kernels);
                }
            }
            if (e + 1 < layers.length) {
                route(l, layers[e + 1]);
            }
        }
        EngineLayer out = layers[layers.length - 1];
        if (out.networkIndex == network.layers().size() - 1) {
            int[] toExternal = out.toExternal;
            for (int k = 0; k < out.spikeCount; k++) {
                int n = toExternal[out.spikes[k]];
                for (int c = out.spikeCounts[k]; c > 0; c--) {
                    sink.accept(n);
                }
                outputSpikes += out.spikeCounts[k];
            }
        }
        steps++;
    }

    private void route(EngineLayer from, EngineLayer to) {
        int relays = to.networkIndex - from.networkIndex - 1;
        int[] remap = to.remap;
        int[] hops = to.hopsPerSource;
        SynapseTable table = to.table;
        int[] acc = to.acc;
        for (int k = 0; k < from.spikeCount; k++) {
            int s = from.spikes[k];
            int times = from.spikeCounts[k];
            spikesRouted += (long) times * relays;
            int row = remap == null ? s : remap[s];
            if (row < 0) {
                continue;
            }
            spikesRouted += times;
            if (hops != null) {
                meshHops += (long) hops[s] * times;
            }
            synapticOps += (long) table.rowSynapses[row] * times;
            table.scatter(row, times, acc, to.dirty, EngineLayer.BLOCK_SHIFT, kernels);
        }
    }

    private void update(EngineLayer l) {
        int[] input = l.acc;
        if (l.delayed) {
            input = l.pending;
            l.pending = l.acc;
            l.acc = input;
        }
        switch (l.model) {
            case NeuronParams p when l.dirty != null && !saturating ->
                    shiftLifReset0(l, input, p.leakShift(), p.threshold());
            case NeuronParams p -> shiftLif(l, input, p);
            case CubaLif c -> cuba(l, input, c);
            case QuantizedRelu q -> qrelu(l, input, q);
            case Relay r -> relay(l, input);
        }
    }

    /**
     * The common case, in blocks of 256 neurons. A block that received input (dirty) is leaked, integrated,
     * fired and reset by the kernels. A block without input cannot fire (every neuron ended the last step
     * below the positive threshold and the leak only moves it toward zero), and is leaked while checking
     * whether every neuron now sits in {@code [0, min(2^shift, threshold))}: there {@code v >> shift == 0},
     * so the leak is exactly the identity and the block is skipped until input arrives (the lazy leak, exact
     * by construction). Dirty blocks are never marked quiet; they are checked on their first step without input.
     */
    private void shiftLifReset0(EngineLayer l, int[] input, int shift, int threshold) {
        boolean[] dirty = l.dirty;
        boolean[] quiet = l.quiet;
        int n = l.size;
        int quietLimit = Math.min(1 << shift, threshold);
        int fired = 0;
        for (int b = 0, start = 0; start < n; b++, start += 1 << EngineLayer.BLOCK_SHIFT) {
            int end = Math.min(n, start + (1 << EngineLayer.BLOCK_SHIFT));
            if (dirty[b]) {
                dirty[b] = false;
                quiet[b] = false;
                fired = kernels.integrateAndFire(l, input, start, end, shift, threshold, fired);
            } else if (!quiet[b]) {
                quiet[b] = kernels.leakAndCheckQuiet(l.v, start, end, shift, quietLimit);
            }
        }
        l.spikeCount = fired;
        neuronUpdates += n;
    }

    private void shiftLif(EngineLayer l, int[] input, NeuronParams p) {
        int[] v = l.v;
        int[] refractory = l.aux;
        int fired = 0;
        for (int i = 0; i < l.size; i++) {
            int in = input[i];
            input[i] = 0;
            if (in != 0) {
                l.activeNeurons++;
            }
            if (refractory[i] > 0) {
                refractory[i]--;
                continue;
            }
            int x = v[i];
            if (p.leakShift() > 0) {
                x -= x >> p.leakShift();
            }
            if (saturating) {
                x = saturate((long) x + saturate(in));
            } else {
                x += in;
            }
            if (x >= p.threshold()) {
                x = p.reset() == ResetMode.ZERO ? 0 : x - p.threshold();
                refractory[i] = p.refractorySteps();
                l.spikes[fired++] = i;
            }
            v[i] = x;
        }
        l.spikeCount = fired;
        neuronUpdates += l.size;
    }

    private int saturate(long x) {
        return (int) Math.max(stateMin, Math.min(stateMax, x));
    }

    private void cuba(EngineLayer l, int[] input, CubaLif c) {
        int[] v = l.v;
        int[] u = l.aux;
        int[] keepU = l.keepU;
        int[] keepV = l.keepV;
        int[] bias = l.bias;
        int[] currentBias = l.currentBias;
        CubaFormat format = c.format();
        int bits = format.decayBits();
        int align = format.alignShift();
        long limit = format.stateLimit();
        long threshold = (long) c.threshold() << align;
        int fired = 0;
        for (int i = 0; i < l.size; i++) {
            int in = input[i];
            input[i] = 0;
            long cur = decay(u[i], keepU[i], bits) + (in << align) + currentBias[i];
            if (cur > limit) {
                cur -= 2 * limit;
            } else if (cur <= -limit) {
                cur += 2 * limit;
            }
            long volt = decay(v[i], keepV[i], bits) + cur + bias[i];
            long x = Math.max(-(limit - 1), Math.min(limit - 1, volt));
            boolean spike = x > threshold;
            if (spike) {
                x = 0;
                l.spikes[fired++] = i;
            }
            if (in != 0 || spike) {
                l.activeNeurons++;
            }
            u[i] = (int) cur;
            v[i] = (int) x;
        }
        l.spikeCount = fired;
        neuronUpdates += l.size;
    }

    /** {@code x * keep / 2^bits} rounded toward zero; {@code |x| < 2^31, keep <= 2^24}: the product fits a long. */
    private static int decay(int x, int keep, int bits) {
        long p = (long) x * keep;
        return (int) (p < 0 ? -((-p) >> bits) : p >> bits);
    }

    private void qrelu(EngineLayer l, int[] input, QuantizedRelu q) {
        int fired = 0;
        for (int i = 0; i < l.size; i++) {
            int in = input[i];
            input[i] = 0;
            l.v[i] = in;
            int a = q.activation(in);
            if (a > 0) {
                l.spikes[fired] = i;
                l.spikeCounts[fired++] = a;
            }
            if (a > 0 || in != 0) {
                l.activeNeurons++;
            }
        }
        l.spikeCount = fired;
        neuronUpdates += l.size;
    }

    private void relay(EngineLayer l, int[] input) {
        int fired = 0;
        for (int i = 0; i < l.size; i++) {
            int in = input[i];
            input[i] = 0;
            if (in > 0) {
                l.spikes[fired] = i;
                l.spikeCounts[fired++] = in;
            }
        }
        l.spikeCount = fired;
    }

    @Override
    public int[] potentials(int layer) {
        int e = networkToEngine[layer];
        if (e < 0 || layers[e].model instanceof Relay) {
            return new int[0];
        }
        return toExternalOrder(layers[e], layers[e].v);
    }

    @Override
    public int[] auxiliaryState(int layer) {
        int e = networkToEngine[layer];
        if (e < 0 || !(layers[e].model instanceof CubaLif || layers[e].model instanceof NeuronParams)) {
            return new int[0];
        }
        return toExternalOrder(layers[e], layers[e].aux);
    }

    private static int[] toExternalOrder(EngineLayer l, int[] internal) {
        int[] out = new int[l.size];
        for (int i = 0; i < l.size; i++) {
            out[l.toExternal[i]] = internal[i];
        }
        return out;
    }

    @Override
    public ActivityCounts counts() {
        long active = 0;
        for (EngineLayer l : layers) {
            active += l.activeNeurons;
        }
        return new ActivityCounts(synapticOps, neuronUpdates, spikesRouted, outputSpikes, steps, active, meshHops);
    }

    @Override
    public void reset() {
        for (EngineLayer l : layers) {
            Arrays.fill(l.acc, 0);
            if (l.pending != null) {
                Arrays.fill(l.pending, 0);
            }
            Arrays.fill(l.v, 0);
            System.arraycopy(l.initialV, 0, l.v, 0, l.initialV.length);
            Arrays.fill(l.aux, 0);
            l.spikeCount = 0;
            if (l.dirty != null) {
                Arrays.fill(l.dirty, false);
                Arrays.fill(l.quiet, true);
            }
        }
        Arrays.fill(pendingInput, 0);
        Arrays.fill(touchedRows, 0);
        deferredSynapticOps = 0;
    }

    @Override
    public void close() {
        // heap only
    }
}
