package dev.vigil.runtime.sink;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.vigil.runtime.pipeline.Detection;
import dev.vigil.runtime.pipeline.DetectionEnergy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
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

    /** One line of JSON for {@code d}: what the log and config determine, plus the id (the one field that differs between two replays). */
    public static String toJson(Detection d) {
        return write(fields(d), d);
    }

    /**
     * The MQTT payload: the fields of {@link #toJson} plus {@code wall_time} (when it was published,
     * ISO-8601 UTC), {@code energy_j} (the detection's {@link Detection#energyJ()}, front end only) and
     * {@code energy} (its {@link DetectionEnergy} part by part, in joules and CPU seconds).
     */
    public static byte[] toMqttJson(Detection d, long wallMs) {
        Map<String, Object> m = fields(d);
        m.put("wall_time", Instant.ofEpochMilli(wallMs).toString());
        m.put("energy_j", d.energyJ());
        DetectionEnergy e = d.energy();
        Map<String, Object> parts = new LinkedHashMap<>();
        parts.put("front_dynamic_j", e.frontDynamicJ());
        parts.put("front_static_j", e.frontStaticJ());
        parts.put("encoder_cpu_s", e.encoderCpuS());
        parts.put("features_cpu_s", e.featuresCpuS());
        parts.put("dense_cpu_s", e.denseCpuS());
        parts.put("dense_device_j", e.denseDeviceJ());
        m.put("energy", parts);
        return write(m, d).getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, Object> fields(Detection d) {
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
        return m;
    }

    private static String write(Map<String, Object> m, Detection d) {
        try {
            return MAPPER.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise detection " + d.id(), e);
        }
    }
}
