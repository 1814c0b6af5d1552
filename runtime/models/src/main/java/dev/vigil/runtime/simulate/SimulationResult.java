package dev.vigil.runtime.simulate;

import dev.vigil.runtime.hal.ActivityCounts;

import java.util.Arrays;
import java.util.List;

/**
 * What a simulation produced: each output neuron's spike steps (a step listed once per event), the
 * device's activity counts and their energy.
 *
 * @param device     the device's id
 * @param readouts   one name per output neuron
 * @param steps      steps run
 * @param spikeSteps per output neuron, the steps of its events, ascending
 * @param counts     what the device counted
 * @param joules     the counts priced with the device's energy model over {@code steps * dt}
 */
public record SimulationResult(String device, List<String> readouts, int steps, int[][] spikeSteps,
                               ActivityCounts counts, double joules) {

    public SimulationResult {
        readouts = List.copyOf(readouts);
        spikeSteps = Arrays.stream(spikeSteps).map(int[]::clone).toArray(int[][]::new);
    }

    /** Neuron {@code neuron}'s spike steps. */
    public int[] spikeSteps(int neuron) {
        return spikeSteps[neuron].clone();
    }

    @Override
    public int[][] spikeSteps() {
        return Arrays.stream(spikeSteps).map(int[]::clone).toArray(int[][]::new);
    }

    /** Neuron {@code neuron}'s events. */
    public int count(int neuron) {
        return spikeSteps[neuron].length;
    }

    /** Every output neuron's events, in output order. */
    public int[] outputCounts() {
        return Arrays.stream(spikeSteps).mapToInt(s -> s.length).toArray();
    }
}
