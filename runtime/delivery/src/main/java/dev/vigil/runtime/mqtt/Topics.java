package dev.vigil.runtime.mqtt;

/**
 * Vigil's topic tree (see {@code docs/mqtt.md}), all under {@code <root>/<device>/}:
 * {@code detections/<sensor>}, {@code events/<sensor>} (event start and end), retained {@code status} ({@code online} birth, {@code offline} last
 * will), {@code metrics}, retained {@code config}, {@code config/set} (commands) and
 * {@code config/reply} (replies when a command names no MQTT 5 response topic, and below it the
 * response topics a command may name).
 */
public record Topics(String root, String deviceId) {

    private String base() {
        return root + "/" + deviceId + "/";
    }

    /** Topic for detections of {@code sensor}. */
    public String detections(String sensor) {
        return base() + "detections/" + sensor;
    }

    /** Topic for event start and end messages of {@code sensor}. */
    public String events(String sensor) {
        return base() + "events/" + sensor;
    }

    /** Retained status topic. */
    public String status() {
        return base() + "status";
    }

    /** Periodic metrics. */
    public String metrics() {
        return base() + "metrics";
    }

    /** Retained current configuration. */
    public String config() {
        return base() + "config";
    }

    /** Where commands arrive. */
    public String configSet() {
        return base() + "config/set";
    }

    /** Default reply topic for commands. */
    public String configReply() {
        return base() + "config/reply";
    }

    /**
     * Whether a command's MQTT 5 response topic may be answered: {@link #configReply()} or a topic name
     * below it (so a reply can never land on another topic of the device, nor outside its tree).
     */
    public boolean isReplyTopic(String topic) {
        return (topic.equals(configReply()) || topic.startsWith(configReply() + "/"))
                && !topic.contains("+") && !topic.contains("#");
    }
}
