package dev.vigil.runtime.config;

/**
 * The dense stage, run only on wake. When disabled, a wake still emits a detection labelled by its sensor.
 *
 * @param enabled run it
 * @param device  where it runs: {@code cpu} (golden engine) or an installed dense device, e.g. {@code northpole}
 */
public record DenseConfig(boolean enabled, String device) {
    public DenseConfig {
        BadValueException.notBlank("device", device);
    }
}
