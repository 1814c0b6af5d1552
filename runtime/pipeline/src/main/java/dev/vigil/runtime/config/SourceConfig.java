package dev.vigil.runtime.config;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One live source: the id of a {@link dev.vigil.sensors.SourceProvider} and its settings, e.g.
 * {@code {driver: adxl345, settings: {bus: 1, address: 0x53, rate-hz: 800}}}. The driver checks its
 * own settings when it opens.
 */
public record SourceConfig(String driver, @JsonSetter(nulls = Nulls.AS_EMPTY) Map<String, Object> settings) {
    public SourceConfig {
        BadValueException.notBlank("driver", driver);
        settings = settings == null ? Map.of() : Map.copyOf(settings);
        for (Map.Entry<String, Object> e : settings.entrySet()) {
            if (e.getValue() instanceof Map || e.getValue() instanceof java.util.List) {
                throw new BadValueException("settings." + e.getKey(), e.getValue(), "must be a single value");
            }
        }
    }

    /** The settings as strings, as drivers take them. */
    public Map<String, String> settingsAsStrings() {
        Map<String, String> m = new LinkedHashMap<>();
        settings.forEach((k, v) -> m.put(k, String.valueOf(v)));
        return m;
    }
}
