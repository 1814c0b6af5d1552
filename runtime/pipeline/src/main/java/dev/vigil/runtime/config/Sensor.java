package dev.vigil.runtime.config;

import java.util.Optional;

/** The sensors Vigil has lanes for, by the names the config, label files and topics use. */
public enum Sensor {
    /** The event camera. */
    DVS,
    /** The microphone. */
    AUDIO,
    /** The accelerometer or piezo pickup. */
    VIBRATION;

    /** As the config spells it, e.g. {@code audio}. */
    public String label() {
        return ConfigNames.label(this);
    }

    /** The sensor named {@code name} (exactly as spelled in the config). */
    public static Optional<Sensor> named(String name) {
        for (Sensor s : values()) {
            if (s.label().equals(name)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
