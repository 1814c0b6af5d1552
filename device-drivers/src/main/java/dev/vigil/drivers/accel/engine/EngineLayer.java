package dev.vigil.drivers.accel.engine;

import dev.vigil.runtime.network.CubaLif;
import dev.vigil.runtime.network.NeuronModel;
import dev.vigil.runtime.network.NeuronParams;
import dev.vigil.runtime.network.ResetMode;

import java.util.Arrays;

/**
 * One stateful layer as the engine holds it: its synapse table (rows indexed through {@code remap}
 * from the sources' indices), neuron state in the engine's internal order and the spikes it emitted
 * in the current step. All arrays are allocated once.
 */
final class EngineLayer {
    /**
     * Neurons per block of the skip bookkeeping: 2^8 = 256. Measured on the DVS benchmark workload,
     * 256 beat 64, 128, 512 and 1,024: long enough for vectorised loops, short enough to skip quiet
     * regions (256 neurons of a channel-interleaved 8-channel map are half a row of 64 pixels).
     */
    static final int BLOCK_SHIFT = 8;

    final int networkIndex;
    final NeuronModel model;
    final int size;
    /** Internal neuron index to the network's (external) index, and back. */
    final int[] toExternal;
    final int[] toInternal;
    /** Source index to row of {@link #table}, -1 for sources without synapses here; null = identity. */
    final int[] remap;
    final SynapseTable table;
    /** Own-spike fan-out of a recurrent layer, rows indexed by internal neuron index; or null. */
    final SynapseTable recurrent;
    /** Mesh hops to deliver one event of each source to this layer's cores; null = none counted. */
    final int[] hopsPerSource;
    final boolean delayed;

    int[] acc;
    int[] pending;
    final int[] v;
    final int[] aux;
    /**
     * For shift-leak LIF layers: blocks that received input this step, and blocks whose every neuron
     * sits where the leak cannot change it ({@code 0 <= v < 2^shift}) and below threshold. A block that
     * is quiet and not dirty is skipped: exact, since leak and integration would leave it unchanged.
     * Null for other models.
     */
    final boolean[] dirty;
    final boolean[] quiet;

    /** Per-neuron voltage bias of CUBA neurons, internal order; empty for other models. */
    final int[] bias;
    /** Per-neuron constant input current of CUBA neurons, internal order; empty for other models. */
    final int[] currentBias;
    /** Per-neuron kept fraction of current and voltage ({@code 2^D - decay}), internal order; empty for other models. */
    final int[] keepU;
    final int[] keepV;
    /** Per-neuron initial voltage, internal order; empty for other models (they start at 0). */
    final int[] initialV;
    final int[] spikes;
    /** Events per emitted spike: preset to 1 for LIF and CUBA layers, written per step by the others. */
    final int[] spikeCounts;
    int spikeCount;
    /** Neurons of this layer that received input (or fired, for CUBA and ReLU neurons), summed over steps. */
    long activeNeurons;

    EngineLayer(int networkIndex, NeuronModel model, int[] toExternal, int[] remap, SynapseTable table,
                SynapseTable recurrent, int[] hopsPerSource, boolean delayed) {
        this.networkIndex = networkIndex;
        this.model = model;
        this.size = toExternal.length;
        this.toExternal = toExternal;
        this.toInternal = new int[size];
        for (int i = 0; i < size; i++) {
            toInternal[toExternal[i]] = i;
        }
        this.remap = remap;
        this.table = table;
        this.recurrent = recurrent;
        this.hopsPerSource = hopsPerSource;
        this.delayed = delayed;
        acc = new int[size];
        pending = delayed ? new int[size] : null;
        v = new int[size];
        aux = new int[size];
        spikes = new int[size];
        boolean tracked = tracksBlocks(model);
        int blocks = (size + (1 << BLOCK_SHIFT) - 1) >>> BLOCK_SHIFT;
        dirty = tracked ? new boolean[blocks] : null;
        quiet = tracked ? new boolean[blocks] : null;
        if (tracked) {
            Arrays.fill(quiet, true);
        }
        int cubaSize = model instanceof CubaLif ? size : 0;
        bias = new int[cubaSize];
        currentBias = new int[cubaSize];
        keepU = new int[cubaSize];
        keepV = new int[cubaSize];
        initialV = new int[cubaSize];
        if (model instanceof CubaLif c) {
            int one = c.format().decayOne();
            for (int i = 0; i < size; i++) {
                int n = toExternal[i];
                bias[i] = c.bias(n);
                currentBias[i] = c.currentBias(n);
                keepU[i] = one - (c.du(n) + 1);
                keepV[i] = one - c.dv(n);
                initialV[i] = c.initialV(n);
            }
            System.arraycopy(initialV, 0, v, 0, size);
        }
        spikeCounts = new int[size];
        if (model instanceof NeuronParams || model instanceof CubaLif) {
            Arrays.fill(spikeCounts, 1);
        }
    }

    /**
     * Whether the layer runs the block-skipping shift-LIF path: a leak, no refractory period and reset to zero.
     * Its threshold is positive ({@link NeuronParams} refuses others), so a neuron without input never fires.
     */
    static boolean tracksBlocks(NeuronModel model) {
        return model instanceof NeuronParams p && p.leakShift() > 0 && p.refractorySteps() == 0
                && p.reset() == ResetMode.ZERO;
    }
}
