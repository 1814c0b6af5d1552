package dev.vigil.runtime.config;

/**
 * Per-sensor lane settings: the model bundle each lane runs ({@code lanes.<sensor>.model}).
 *
 * @param dvs       the event-camera lane
 * @param audio     the audio lane
 * @param vibration the vibration lane
 */
public record LanesConfig(LaneConfig dvs, LaneConfig audio, LaneConfig vibration) {

    /** The settings of {@code sensor}'s lane. */
    public LaneConfig of(Sensor sensor) {
        return switch (sensor) {
            case DVS -> dvs;
            case AUDIO -> audio;
            case VIBRATION -> vibration;
        };
    }
}
