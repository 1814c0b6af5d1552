package dev.vigil.runtime.sink;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.vigil.runtime.pipeline.Detection;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON form of a detection, the same on standard output and over MQTT (schema version
 * {@value #SCHEMA}; documented in {@code docs/mqtt.md}).
 */
public final class DetectionJson {
    /** Payload schema version. */
    public static final int SCHEMA = 1;
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private DetectionJson() {
    }

    /** One line of JSON for {@code d}. */
    public static String toJson(Detection d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schema", SCHEMA);
        m.put("id", d.id());
        m.put("device", d.deviceId());
        m.put("sensor", d.sensor());
        m.put("stream", d.stream());
        m.put("label", d.label());
        m.put("score", d.score());
        m.put("device_time_us", d.deviceTimeUs());
        m.put("window_start_us", d.windowStartUs());
        m.put("wake_reason", d.wakeReason());
        m.put("counts", d.counts());
        try {
            return MAPPER.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise detection " + d.id(), e);
        }
    }
}
