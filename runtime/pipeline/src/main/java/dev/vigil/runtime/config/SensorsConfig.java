package dev.vigil.runtime.config;

/** Per-sensor encoder and wake settings, and how sensors' wakes are fused. */
public record SensorsConfig(DvsConfig dvs, BandSensorConfig audio, BandSensorConfig vibration, FusionConfig fusion) {
}
