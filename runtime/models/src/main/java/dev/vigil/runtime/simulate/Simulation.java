package dev.vigil.runtime.simulate;

import dev.vigil.runtime.compile.CompiledFrontEnd;
import dev.vigil.runtime.hal.ActivityCounts;
import dev.vigil.runtime.hal.DeviceSession;
import dev.vigil.runtime.hal.DoesNotFitException;
import dev.vigil.runtime.hal.NeuromorphicDevice;

import java.util.Arrays;

/** Runs a compiled front end on a device, step by step, over recorded input spikes. */
public final class Simulation {

    private Simulation() {
    }

    /**
     * Runs {@code model} on {@code device} for {@code steps} steps (at least the input's), delivering
     * {@code input}'s events of each step before advancing it.
     */
    public static SimulationResult run(CompiledFrontEnd model, NeuromorphicDevice device, SpikeInput input, int steps)
            throws DoesNotFitException {
        int inputs = model.program().network().inputs();
        if (input.inputs() != inputs) {
            throw new IllegalArgumentException("the input holds " + input.inputs() + " channels, the model takes "
                    + inputs);
        }
        int outputs = model.program().network().outputs();
        int[][] spikes = new int[outputs][16];
        int[] counts = new int[outputs];
        int total = Math.max(steps, input.steps());
        ActivityCounts activity;
        try (DeviceSession session = device.open(model.program())) {
            for (int s = 0; s < total; s++) {
                int[] events = input.at(s);
                session.inject(events, 0, events.length);
                int step = s;
                session.step(n -> {
                    if (counts[n] == spikes[n].length) {
                        spikes[n] = Arrays.copyOf(spikes[n], spikes[n].length * 2);
                    }
                    spikes[n][counts[n]++] = step;
                });
            }
            activity = session.counts();
        }
        int[][] perNeuron = new int[outputs][];
        for (int n = 0; n < outputs; n++) {
            perNeuron[n] = Arrays.copyOf(spikes[n], counts[n]);
        }
        double joules = device.capabilities().energy().joules(activity, total * model.dt());
        return new SimulationResult(device.capabilities().id(), model.readouts(), total, perNeuron, activity, joules);
    }
}
