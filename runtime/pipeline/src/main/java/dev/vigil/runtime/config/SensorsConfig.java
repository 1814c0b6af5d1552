package dev.vigil.runtime.config;

/** Per-sensor encoder and wake settings, and how sensors' wakes are fused. */
public record SensorsConfig(DvsConfig dvs, BandSensorConfig audio, BandSensorConfig vibration, FusionConfig fusion) {

    /** Whether {@code sensor}'s lane runs. */
    public boolean enabled(Sensor sensor) {
        return switch (sensor) {
            case DVS -> dvs.enabled();
            case AUDIO -> audio.enabled();
            case VIBRATION -> vibration.enabled();
        };
    }

    /** The wake settings of {@code sensor}. */
    public WakeConfig wake(Sensor sensor) {
        return switch (sensor) {
            case DVS -> dvs.wake();
            case AUDIO -> audio.wake();
            case VIBRATION -> vibration.wake();
        };
    }
}
