package dev.vigil.runtime.config;

/**
 * Home Assistant MQTT discovery: one retained discovery message per running detector, under
 * {@code <prefix>/sensor/<device-id>_<sensor>/config}.
 *
 * @param enabled publish discovery messages
 * @param prefix  Home Assistant's discovery prefix
 */
public record HomeAssistantConfig(boolean enabled, String prefix) {
    public HomeAssistantConfig {
        BadValueException.notBlank("prefix", prefix);
        if (prefix.contains("#") || prefix.contains("+")) {
            throw new BadValueException("prefix", prefix, "must not contain MQTT wildcards");
        }
    }
}
