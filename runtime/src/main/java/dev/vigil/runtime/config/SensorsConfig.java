package dev.vigil.runtime.config;

/** Per-sensor encoder and wake settings. */
public record SensorsConfig(DvsConfig dvs, BandSensorConfig audio, BandSensorConfig vibration) {
}
