package dev.vigil.sensors.synth;

import dev.vigil.sensors.SensorSource;
import dev.vigil.sensors.SourceProvider;

import java.util.HashMap;
import java.util.Map;

/**
 * The synthetic scene as a live source ({@code driver: synth}), looping in real time: a way to run
 * {@code vigil run} and {@code vigil record} on any machine. Setting {@code seed} (default 7).
 */
public final class SceneSourceProvider implements SourceProvider {
    @Override
    public String id() {
        return "synth";
    }

    @Override
    public String description() {
        return "synthetic scene (event camera, microphone, accelerometer), looping in real time";
    }

    @Override
    public SensorSource open(Map<String, String> settings) {
        Map<String, String> rest = new HashMap<>(settings);
        long seed = 7;
        String s = rest.remove("seed");
        if (s != null) {
            try {
                seed = Long.parseLong(s.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("seed = " + s + ": not a whole number");
            }
        }
        if (!rest.isEmpty()) {
            throw new IllegalArgumentException(String.join(", ", rest.keySet()) + ": unknown setting (synth takes: seed)");
        }
        return new SceneSource(new SceneGenerator(SceneSpec.demo(seed)), true);
    }
}
