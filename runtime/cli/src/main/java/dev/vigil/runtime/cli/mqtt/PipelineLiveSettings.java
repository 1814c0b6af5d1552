package dev.vigil.runtime.cli.mqtt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.runtime.config.ConfigException;
import dev.vigil.runtime.config.Sensor;
import dev.vigil.runtime.config.VigilConfig;
import dev.vigil.runtime.config.WakeConfig;
import dev.vigil.runtime.mqtt.LiveSettings;
import dev.vigil.runtime.pipeline.LiveLanes;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@link LiveSettings} over the running pipeline's {@link LiveLanes}. Live keys, per sensor
 * {@code dvs}, {@code audio} and {@code vibration}: {@code sensors.<s>.enabled},
 * {@code sensors.<s>.wake.on-spikes}, {@code sensors.<s>.wake.off-spikes}. A change is laid over the
 * current config and checked exactly as a config file is, so the same keys and ranges are refused with
 * the same messages; then the new lane settings replace the old ones in one step.
 */
public final class PipelineLiveSettings implements LiveSettings {
    private static final List<String> SUFFIXES = List.of("enabled", "wake.on-spikes", "wake.off-spikes");
    private final LiveLanes lanes;
    private VigilConfig config;

    /** Live settings of {@code lanes}, which were started from {@code config}. */
    public PipelineLiveSettings(VigilConfig config, LiveLanes lanes) {
        this.config = config;
        this.lanes = lanes;
    }

    /** The config with every applied change. */
    public synchronized VigilConfig config() {
        return config;
    }

    @Override
    public synchronized Map<String, Object> current() {
        Map<String, Object> m = new TreeMap<>();
        ObjectNode tree = ConfigTree.of(config);
        for (String key : liveKeys()) {
            JsonNode v = tree.at(pointer(key));
            m.put(key, v.isBoolean() ? v.booleanValue() : v.numberValue());
        }
        return m;
    }

    private static List<String> liveKeys() {
        return Arrays.stream(Sensor.values()).flatMap(s -> SUFFIXES.stream().map(x -> "sensors." + s.label() + "." + x)).toList();
    }

    private static String pointer(String key) {
        return "/" + key.replace('.', '/');
    }

    @Override
    public synchronized Map<String, Object> apply(Map<String, JsonNode> changes) throws RefusedChangeException {
        if (changes.isEmpty()) {
            throw new RefusedChangeException("nothing to set: 'set' holds no key");
        }
        ObjectNode tree = ConfigTree.of(config);
        Map<String, Object> applied = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : changes.entrySet()) {
            String key = e.getKey();
            if (!liveKeys().contains(key)) {
                boolean known = !tree.at(pointer(key)).isMissingNode();
                throw new RefusedChangeException(known
                        ? "'" + key + "' cannot change while Vigil runs; change the config file and restart (live keys: " + String.join(", ", liveKeys()) + ")"
                        : "unknown key '" + key + "' (live keys: " + String.join(", ", liveKeys()) + ")");
            }
            if (!e.getValue().isValueNode()) {
                throw new RefusedChangeException(key + " = " + e.getValue() + " is refused: expected a single value");
            }
            int dot = key.lastIndexOf('.');
            ((ObjectNode) tree.at(pointer(key.substring(0, dot)))).set(key.substring(dot + 1), e.getValue());
            applied.put(key, e.getValue());
        }
        VigilConfig next;
        try {
            next = ConfigTree.bind(tree, "config/set");
        } catch (ConfigException ex) {
            throw new RefusedChangeException(ex.getMessage());
        }
        Map<String, LiveLanes.LaneSettings> running = lanes.settings();
        Map<String, LiveLanes.LaneSettings> nextLanes = new LinkedHashMap<>(running);
        for (Sensor s : Sensor.values()) {
            String sensor = s.label();
            boolean enabled = next.sensors().enabled(s);
            WakeConfig wake = next.sensors().wake(s);
            if (running.containsKey(sensor)) {
                nextLanes.put(sensor, new LiveLanes.LaneSettings(enabled, wake));
            } else if (enabled && !config.sensors().enabled(s)) {
                throw new RefusedChangeException("sensors." + sensor + ".enabled = true is refused: no " + sensor
                        + " lane was started (it was disabled at start or the input has no such stream); change the config file and restart");
            }
        }
        lanes.replaceSettings(nextLanes);
        config = next;
        Map<String, Object> out = new LinkedHashMap<>();
        applied.forEach((k, v) -> out.put(k, ((JsonNode) v).isBoolean() ? ((JsonNode) v).booleanValue() : ((JsonNode) v).numberValue()));
        return out;
    }
}
