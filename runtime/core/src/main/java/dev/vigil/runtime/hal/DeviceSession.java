package dev.vigil.runtime.hal;

import java.util.Objects;
import java.util.function.IntConsumer;

/**
 * A compiled program loaded on a device, running timestep by timestep: inject the step's input
 * spikes, then {@link #step(IntConsumer)} to advance and receive the output layer's spikes.
 */
public interface DeviceSession extends AutoCloseable {

    /** Delivers one spike on network input {@code input} in the current step; repeats add up. */
    void inject(int input);

    /**
     * Delivers one spike on each network input {@code spikes[from .. to)} in the current step, as
     * {@link #inject(int)} on each would; devices override it to deliver a batch with less overhead.
     */
    default void inject(int[] spikes, int from, int to) {
        Objects.checkFromToIndex(from, to, spikes.length);
        for (int k = from; k < to; k++) {
            inject(spikes[k]);
        }
    }

    /**
     * Advances one timestep, handing each output neuron that spiked to {@code outputSpikes} (a neuron
     * emitting a multi-event activation {@code a} is handed over {@code a} times).
     */
    void step(IntConsumer outputSpikes);

    /** A copy of layer {@code layer}'s membrane potentials, for debugging and tests. */
    int[] potentials(int layer);

    /**
     * A copy of layer {@code layer}'s other per-neuron state: synaptic currents for current-based
     * neurons, remaining refractory steps for shift-leak neurons, empty for stateless ones.
     */
    default int[] auxiliaryState(int layer) {
        return new int[0];
    }

    /** What the device has done since the session opened. */
    ActivityCounts counts();

    /** Returns every neuron to its initial state; counts are kept. */
    void reset();

    @Override
    void close();
}
