package dev.vigil.sensors.health;

/**
 * A snapshot of a live sensor's health.
 *
 * @param sensor          the sensor's name, e.g. {@code "adxl345 i2c-1@0x53"}
 * @param state           current state
 * @param failures        bus errors since the source opened
 * @param recoveries      times the sensor came back after being unhealthy
 * @param lastError       the latest bus error, or empty
 * @param sinceUs         when the current state began (monotonic µs)
 */
public record SensorHealth(String sensor, HealthState state, long failures, long recoveries, String lastError,
                           long sinceUs) {
}
