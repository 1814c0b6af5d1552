package dev.vigil.wake;

import java.util.Arrays;

/**
 * Counts spikes per readout neuron over a sliding window of {@code hopsPerWindow} hops of
 * {@code stepsPerHop} timesteps each. A window closes at the end of every hop; its counts are the sum
 * of the last {@code hopsPerWindow} hops. Short windows keep timing; long ones lighten the dense stage.
 * Allocates nothing after construction.
 */
public final class SpikeCountAccumulator {
    private final int neurons;
    private final int stepsPerHop;
    private final int hopsPerWindow;
    private final int[][] hops;
    private final int[] window;
    private int current;
    private int stepsInHop;
    private long hopsClosed;

    /**
     * @param neurons       readout neurons counted
     * @param stepsPerHop   timesteps between two windows
     * @param hopsPerWindow hops per window (1 = tumbling windows)
     */
    public SpikeCountAccumulator(int neurons, int stepsPerHop, int hopsPerWindow) {
        if (neurons <= 0 || stepsPerHop <= 0 || hopsPerWindow <= 0) {
            throw new IllegalArgumentException("neurons, steps per hop and hops per window must be positive");
        }
        this.neurons = neurons;
        this.stepsPerHop = stepsPerHop;
        this.hopsPerWindow = hopsPerWindow;
        this.hops = new int[hopsPerWindow][neurons];
        this.window = new int[neurons];
    }

    /** Counts one spike of readout neuron {@code neuron} in the current step. */
    public void spike(int neuron) {
        hops[current][neuron]++;
    }

    /**
     * Ends the current timestep. Returns true when this step closed a hop: the window's counts are
     * then in {@link #windowCounts()} until the next call.
     */
    public boolean endStep() {
        if (++stepsInHop < stepsPerHop) {
            return false;
        }
        closeHop();
        return true;
    }

    /**
     * Closes the hop in progress early, as at the end of a recording whose last hop is short. Returns
     * true when it held at least one step: the window's counts are then in {@link #windowCounts()}.
     */
    public boolean closePartialHop() {
        if (stepsInHop == 0) {
            return false;
        }
        closeHop();
        return true;
    }

    /** Steps run in the hop in progress. */
    public int stepsInHop() {
        return stepsInHop;
    }

    private void closeHop() {
        stepsInHop = 0;
        Arrays.fill(window, 0);
        for (int[] hop : hops) {
            for (int n = 0; n < neurons; n++) {
                window[n] += hop[n];
            }
        }
        hopsClosed++;
        current = (current + 1) % hopsPerWindow;
        Arrays.fill(hops[current], 0);
    }

    /** Counts of the window that closed last (backing array, do not modify). */
    public int[] windowCounts() {
        return window;
    }

    /** Sum of {@link #windowCounts()}. */
    public int windowTotal() {
        int s = 0;
        for (int c : window) {
            s += c;
        }
        return s;
    }

    /** Windows closed so far. */
    public long windowsClosed() {
        return hopsClosed;
    }

    /** Readout neurons counted. */
    public int neurons() {
        return neurons;
    }

    /** Timesteps per window. */
    public int stepsPerWindow() {
        return stepsPerHop * hopsPerWindow;
    }
}
