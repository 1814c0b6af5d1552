package dev.vigil.drivers.accel;

import dev.vigil.runtime.hal.DeviceCapabilities;
import dev.vigil.runtime.hal.DeviceSession;
import dev.vigil.runtime.hal.NetworkCompiler;
import dev.vigil.runtime.hal.NeuromorphicDevice;
import dev.vigil.runtime.network.Network;

import java.util.ArrayList;
import java.util.List;

/** Runs a network step by step on a device and records state traces, for hand-computed tests. */
public final class Trace {
    public final List<int[]> potentials = new ArrayList<>();
    public final List<int[]> currents = new ArrayList<>();
    public final List<List<Integer>> spikes = new ArrayList<>();

    private Trace() {
    }

    /** Runs {@code events[s]} (input indices) in step {@code s}, recording layer {@code layer}'s state after each. */
    public static Trace run(NeuromorphicDevice device, Network network, int layer, int[][] events) throws Exception {
        return run(device, device.capabilities(), network, layer, events);
    }

    /** As {@link #run(NeuromorphicDevice, Network, int, int[][])}, with the program compiled for {@code target}. */
    public static Trace run(NeuromorphicDevice device, DeviceCapabilities target, Network network, int layer,
                            int[][] events) throws Exception {
        Trace t = new Trace();
        try (DeviceSession s = device.open(NetworkCompiler.compile(network, target))) {
            for (int[] step : events) {
                for (int e : step) {
                    s.inject(e);
                }
                List<Integer> out = new ArrayList<>();
                s.step(out::add);
                t.spikes.add(out);
                t.potentials.add(s.potentials(layer));
                t.currents.add(s.auxiliaryState(layer));
            }
        }
        return t;
    }

    /**
     * Injects {@code events} into {@code session} (as one batch, or one by one) and runs one step; the spikes it
     * emitted, sorted (the order within a step is not defined).
     */
    public static List<Integer> step(DeviceSession session, int[] events, boolean batch) {
        if (batch) {
            session.inject(events, 0, events.length);
        } else {
            for (int e : events) {
                session.inject(e);
            }
        }
        List<Integer> out = new ArrayList<>();
        session.step(out::add);
        out.sort(null);
        return out;
    }

    /** Column {@code neuron} of the potential trace. */
    public int[] v(int neuron) {
        return potentials.stream().mapToInt(p -> p[neuron]).toArray();
    }

    /** Column {@code neuron} of the current (auxiliary state) trace. */
    public int[] u(int neuron) {
        return currents.stream().mapToInt(p -> p[neuron]).toArray();
    }

    /** Steps in which output neuron {@code neuron} spiked. */
    public int[] spikeSteps(int neuron) {
        List<Integer> steps = new ArrayList<>();
        for (int s = 0; s < spikes.size(); s++) {
            if (spikes.get(s).contains(neuron)) {
                steps.add(s);
            }
        }
        return steps.stream().mapToInt(Integer::intValue).toArray();
    }
}
