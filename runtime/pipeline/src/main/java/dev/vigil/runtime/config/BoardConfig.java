package dev.vigil.runtime.config;

import java.util.List;

import static dev.vigil.runtime.config.BadValueException.inRange;

/**
 * The board Vigil runs on and its GPIO outputs in live runs.
 *
 * @param id        board profile id ({@code pi5}, {@code pi4b}, ...); empty = detect from the device tree
 * @param wakeLine  what the wake line does on a detection: {@code pulse}, {@code level} (high while
 *                  detections keep coming) or {@code off}
 * @param pulseMs   pulse length
 */
public record BoardConfig(String id, String wakeLine, int pulseMs) {
    private static final List<String> MODES = List.of("pulse", "level", "off");

    public BoardConfig {
        id = id == null ? "" : id.strip();
        if ("false".equals(wakeLine)) {
            // YAML 1.1 reads a bare `off` as the boolean false
            wakeLine = "off";
        }
        if (!MODES.contains(wakeLine)) {
            throw new BadValueException("wake-line", wakeLine, "must be one of " + String.join(", ", MODES));
        }
        inRange("pulse-ms", pulseMs, 1, 60_000);
    }
}
