package dev.vigil.runtime.mqtt;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;

/**
 * Home Assistant MQTT discovery: one retained {@code sensor} entity per detector, whose state is the
 * latest detection's label and whose attributes are the whole detection; availability follows the
 * status topic. Topic {@code <prefix>/sensor/<device-id>/<sensor>/config}.
 */
public final class HomeAssistantDiscovery {
    private final String prefix;
    private final Topics topics;
    private final String version;

    /** Discovery under {@code prefix} for {@code topics}' device, reporting software {@code version}. */
    public HomeAssistantDiscovery(String prefix, Topics topics, String version) {
        this.prefix = prefix;
        this.topics = topics;
        this.version = version;
    }

    /** The discovery topic of {@code sensor}. */
    public String topic(String sensor) {
        return prefix + "/sensor/" + topics.deviceId() + "/" + sensor + "/config";
    }

    /** The discovery payload of {@code sensor}. */
    public byte[] payload(String sensor) {
        ObjectNode c = Json.MAPPER.createObjectNode();
        String id = "vigil_" + topics.deviceId() + "_" + sensor;
        c.put("name", sensor + " detection");
        c.put("unique_id", id);
        c.put("object_id", id);
        c.put("state_topic", topics.detections(sensor));
        c.put("value_template", "{{ value_json.label }}");
        c.put("json_attributes_topic", topics.detections(sensor));
        c.put("availability_topic", topics.status());
        c.put("payload_available", "online");
        c.put("payload_not_available", "offline");
        c.put("icon", "mdi:radar");
        ObjectNode dev = c.putObject("device");
        dev.putArray("identifiers").add("vigil_" + topics.deviceId());
        dev.put("name", "Vigil " + topics.deviceId());
        dev.put("manufacturer", "Vigil");
        dev.put("model", "Vigil sensing runtime");
        dev.put("sw_version", version);
        return c.toString().getBytes(StandardCharsets.UTF_8);
    }
}
