package dev.vigil.runtime.config;

/** Where detections go: JSON lines on standard output, and MQTT. */
public record SinksConfig(boolean stdout, boolean mqtt) {
}
