package dev.vigil.runtime.mqtt;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;

/**
 * Home Assistant MQTT discovery: one retained {@code sensor} entity per detector, whose state is the
 * latest detection's label and whose attributes are the whole detection; availability follows the
 * status topic. Topic {@code <prefix>/sensor/<device-id>/<sensor>/config}. With events, per detector
 * also an {@code event} entity (event types {@code start} and {@code end}) and a {@code binary_sensor}
 * that is on from an event's start to its end, both reading the {@code events/<sensor>} topic. With
 * events off, those two topics get an empty retained message, which removes entities an earlier run
 * announced (Home Assistant deletes an entity whose config is empty).
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
        ObjectNode c = entity(sensor + " detection", "vigil_" + topics.deviceId() + "_" + sensor);
        c.put("state_topic", topics.detections(sensor));
        c.put("value_template", "{{ value_json.label }}");
        c.put("json_attributes_topic", topics.detections(sensor));
        c.put("icon", "mdi:radar");
        return c.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The discovery topic of {@code sensor}'s {@code event} entity. */
    public String eventTopic(String sensor) {
        return prefix + "/event/" + topics.deviceId() + "/" + sensor + "/config";
    }

    /**
     * The discovery payload of {@code sensor}'s {@code event} entity: event types {@code start} and
     * {@code end}, read from the message's {@code event_type}; its other fields become the event's
     * attributes.
     */
    public byte[] eventPayload(String sensor) {
        ObjectNode c = entity(sensor + " event", "vigil_" + topics.deviceId() + "_" + sensor + "_event");
        c.put("state_topic", topics.events(sensor));
        c.putArray("event_types").add("start").add("end");
        c.put("icon", "mdi:bell-ring");
        return c.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The discovery topic of {@code sensor}'s {@code binary_sensor}. */
    public String binarySensorTopic(String sensor) {
        return prefix + "/binary_sensor/" + topics.deviceId() + "/" + sensor + "/config";
    }

    /**
     * The discovery payload of {@code sensor}'s {@code binary_sensor}: on at an event's start, off at its
     * end, and off after {@code offDelayS} seconds without an end (a safety net; 0 = none).
     */
    public byte[] binarySensorPayload(String sensor, int offDelayS) {
        ObjectNode c = entity(sensor + " active", "vigil_" + topics.deviceId() + "_" + sensor + "_active");
        c.put("state_topic", topics.events(sensor));
        c.put("value_template", "{{ 'ON' if value_json.event_type == 'start' else 'OFF' }}");
        c.put("json_attributes_topic", topics.events(sensor));
        if (offDelayS > 0) {
            c.put("off_delay", offDelayS);
        }
        c.put("icon", "mdi:motion-sensor");
        return c.toString().getBytes(StandardCharsets.UTF_8);
    }

    private ObjectNode entity(String name, String id) {
        ObjectNode c = Json.MAPPER.createObjectNode();
        c.put("name", name);
        c.put("unique_id", id);
        c.put("object_id", id);
        c.put("availability_topic", topics.status());
        c.put("payload_available", "online");
        c.put("payload_not_available", "offline");
        ObjectNode dev = c.putObject("device");
        dev.putArray("identifiers").add("vigil_" + topics.deviceId());
        dev.put("name", "Vigil " + topics.deviceId());
        dev.put("manufacturer", "Vigil");
        dev.put("model", "Vigil sensing runtime");
        dev.put("sw_version", version);
        return c;
    }
}
