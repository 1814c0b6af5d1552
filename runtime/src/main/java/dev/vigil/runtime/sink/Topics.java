package dev.vigil.runtime.sink;

/**
 * Vigil's topic tree (see {@code docs/mqtt.md}): {@code <root>/<device>/detections/<sensor>} and the
 * retained {@code <root>/<device>/status} ({@code online} birth, {@code offline} last will).
 */
public record Topics(String root, String deviceId) {

    /** Topic for detections of {@code sensor}. */
    public String detections(String sensor) {
        return root + "/" + deviceId + "/detections/" + sensor;
    }

    /** Retained status topic. */
    public String status() {
        return root + "/" + deviceId + "/status";
    }
}
