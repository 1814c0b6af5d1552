package dev.vigil.runtime.simulate;

import java.util.Arrays;

/**
 * Input spikes per step: step {@code s} delivers one event on each network input listed in
 * {@code events[s]} (an input listed twice receives two).
 *
 * @param inputs the number of network inputs
 * @param events per step, the inputs receiving an event
 */
public record SpikeInput(int inputs, int[][] events) {

    public SpikeInput {
        events = events.clone();
        for (int s = 0; s < events.length; s++) {
            events[s] = events[s].clone();
            for (int e : events[s]) {
                if (e < 0 || e >= inputs) {
                    throw new IllegalArgumentException("step " + s + ": input " + e + " outside 0.." + (inputs - 1));
                }
            }
        }
    }

    /** Steps held. */
    public int steps() {
        return events.length;
    }

    /** The events of step {@code step} (none past the end). */
    public int[] at(int step) {
        return step < events.length ? events[step].clone() : new int[0];
    }

    /** Events over all steps. */
    public long total() {
        return Arrays.stream(events).mapToLong(e -> e.length).sum();
    }
}
