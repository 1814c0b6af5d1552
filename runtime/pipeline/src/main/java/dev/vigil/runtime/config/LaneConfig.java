package dev.vigil.runtime.config;

/**
 * One lane's settings.
 *
 * @param model the model bundle whose lane for this sensor runs here; empty for the top-level
 *              {@code model}, or the built-in front end when that is empty too
 */
public record LaneConfig(String model) {
    public LaneConfig {
        if (model == null) {
            throw new BadValueException("model", null, "expected a file name, or \"\" for none");
        }
    }
}
