package dev.vigil.runtime.config;

/** The HAL device that runs the spiking front end, by provider id (see {@code vigil devices}). */
public record DeviceConfig(String id) {
    public DeviceConfig {
        BadValueException.notBlank("id", id);
    }
}
