package dev.vigil.runtime.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON payloads of event messages (schema version {@value #SCHEMA}, documented in
 * {@code docs/mqtt.md}): {@code event_type} is {@code start} or {@code end}, the field Home
 * Assistant's {@code event} entity reads.
 */
public final class EventJson {
    /** Payload schema version. */
    public static final int SCHEMA = 1;
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private EventJson() {
    }

    /** The {@code start} message of {@code s}, published at {@code wallMs}. */
    public static byte[] start(EventStart s, long wallMs) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schema", SCHEMA);
        m.put("event_type", "start");
        m.put("id", s.id());
        m.put("device", s.deviceId());
        m.put("sensor", s.sensor());
        m.put("stream", s.stream());
        m.put("label", s.label());
        m.put("score", s.score());
        m.put("start_us", s.startUs());
        m.put("device_time_us", s.deviceTimeUs());
        m.put("detection_id", s.detectionId());
        m.put("wall_time", Instant.ofEpochMilli(wallMs).toString());
        return write(m, s.id());
    }

    /** The {@code end} message of {@code e}, its clip path (or null) as {@code clip}, published at {@code wallMs}. */
    public static byte[] end(EventEnd e, long wallMs) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schema", SCHEMA);
        m.put("event_type", "end");
        m.put("id", e.id());
        m.put("device", e.deviceId());
        m.put("sensor", e.sensor());
        m.put("label", e.label());
        m.put("start_us", e.startUs());
        m.put("end_us", e.endUs());
        m.put("duration_s", e.durationS());
        m.put("peak_score", e.peakScore());
        m.put("windows", e.windows());
        m.put("detections", e.detections());
        m.put("reason", e.reason());
        m.put("clip", e.clip());
        m.put("wall_time", Instant.ofEpochMilli(wallMs).toString());
        return write(m, e.id());
    }

    private static byte[] write(Map<String, Object> m, String id) {
        try {
            return MAPPER.writeValueAsString(m).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("cannot serialise event " + id, ex);
        }
    }
}
