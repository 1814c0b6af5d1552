package dev.vigil.runtime.config;

import dev.vigil.wake.FusionMode;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import static dev.vigil.runtime.config.BadValueException.inRange;

/**
 * Fusion of the sensors' wakes: {@code any} (each sensor on its own), {@code all} (every running
 * sensor must wake within {@code tolerance-ms}) or {@code weighted} (the weights of the sensors that
 * woke within the tolerance must reach {@code quorum}).
 *
 * @param mode        how the sensors' wakes combine
 * @param toleranceMs how far apart wakes may be and still count together
 * @param quorum      weight a weighted wake needs
 * @param weights     vote weight by {@link Sensor} name (1 for a sensor not listed)
 */
public record FusionConfig(FusionMode mode, int toleranceMs, double quorum, Map<String, Double> weights) {
    public FusionConfig {
        if (mode == null) {
            throw new BadValueException("mode", null, "use one of " + ConfigNames.allowed(FusionMode.class));
        }
        inRange("tolerance-ms", toleranceMs, 0, 3_600_000);
        inRange("quorum", quorum, 1e-6, 1e6);
        weights = weights == null ? Map.of() : new TreeMap<>(weights);
        for (Map.Entry<String, Double> e : weights.entrySet()) {
            if (Sensor.named(e.getKey()).isEmpty()) {
                throw new BadValueException("weights." + e.getKey(), e.getValue(), "unknown sensor; use "
                        + ConfigNames.allowed(Sensor.class));
            }
            if (e.getValue() == null || !(e.getValue() >= 0)) {
                throw new BadValueException("weights." + e.getKey(), e.getValue(), "must be 0 or more");
            }
        }
        weights = Collections.unmodifiableMap(weights);
    }

    /** The weight of {@code sensor} (1 when not listed). */
    public double weight(Sensor sensor) {
        return weights.getOrDefault(sensor.label(), 1.0);
    }
}
