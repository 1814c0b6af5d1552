package dev.vigil.drivers.sensor;

import java.util.HashMap;
import java.util.Map;

/** Provider settings written inline in a test as alternating keys and values. */
final class TestSettings {
    private TestSettings() {
    }

    /** The settings {@code key1, value1, key2, value2, ...}. */
    static Map<String, String> of(String... keyValues) {
        Map<String, String> settings = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            settings.put(keyValues[i], keyValues[i + 1]);
        }
        return settings;
    }
}
