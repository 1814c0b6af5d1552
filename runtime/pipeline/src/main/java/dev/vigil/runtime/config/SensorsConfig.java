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

    /** A copy in which {@code sensor} wakes by {@code wake}. */
    public SensorsConfig withWake(Sensor sensor, WakeConfig wake) {
        return switch (sensor) {
            case DVS -> new SensorsConfig(new DvsConfig(dvs.enabled(), dvs.gridX(), dvs.gridY(), dvs.fit(), dvs.filter(), wake),
                    audio, vibration, fusion);
            case AUDIO -> new SensorsConfig(dvs, audio.withWake(wake), vibration, fusion);
            case VIBRATION -> new SensorsConfig(dvs, audio, vibration.withWake(wake), fusion);
        };
    }
}
