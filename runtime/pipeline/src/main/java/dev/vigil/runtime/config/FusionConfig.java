package dev.vigil.runtime.config;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import static dev.vigil.runtime.config.BadValueException.inRange;

/**
 * Fusion of the sensors' wakes: {@code any} (each sensor on its own), {@code all} (every running
 * sensor must wake within {@code tolerance-ms}) or {@code weighted} (the weights of the sensors that
 * woke within the tolerance must reach {@code quorum}).
 */
public record FusionConfig(String mode, int toleranceMs, double quorum, Map<String, Double> weights) {
    public FusionConfig {
        mode = mode == null ? "" : mode.toLowerCase(Locale.ROOT);
        if (!mode.equals("any") && !mode.equals("all") && !mode.equals("weighted")) {
            throw new BadValueException("mode", mode, "use one of any, all, weighted");
        }
        inRange("tolerance-ms", toleranceMs, 0, 3_600_000);
        inRange("quorum", quorum, 1e-6, 1e6);
        weights = weights == null ? Map.of() : new TreeMap<>(weights);
        for (Map.Entry<String, Double> e : weights.entrySet()) {
            if (!e.getKey().equals("dvs") && !e.getKey().equals("audio") && !e.getKey().equals("vibration")) {
                throw new BadValueException("weights." + e.getKey(), e.getValue(), "unknown sensor; use dvs, audio, vibration");
            }
            if (e.getValue() == null || !(e.getValue() >= 0)) {
                throw new BadValueException("weights." + e.getKey(), e.getValue(), "must be 0 or more");
            }
        }
        weights = java.util.Collections.unmodifiableMap(weights);
    }

    /** The weight of {@code sensor} (1 when not listed). */
    public double weight(String sensor) {
        return weights.getOrDefault(sensor, 1.0);
    }
}
