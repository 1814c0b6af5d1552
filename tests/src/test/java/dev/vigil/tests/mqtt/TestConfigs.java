package dev.vigil.tests.mqtt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.tests.CliRun;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Config files for the MQTT tests: low wake thresholds so the 6 s demo log gives dozens of detections. */
final class TestConfigs {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** 10 ms windows and low thresholds: about 60 detections over the demo log. */
    static final String MANY_DETECTIONS = """
            window:
              length-ms: 10
              hop-ms: 10
            sensors:
              dvs:
                wake: {on-spikes: 2, off-spikes: 1}
              audio:
                wake: {on-spikes: 1, off-spikes: 0}
              vibration:
                wake: {on-spikes: 2, off-spikes: 1}
            """;
    /** No lane runs: a start that only drains what the outbox holds. */
    static final String NO_SENSORS = """
            sensors:
              dvs: {enabled: false}
              audio: {enabled: false}
              vibration: {enabled: false}
            """;

    private TestConfigs() {
    }

    /**
     * Writes {@code sensors} plus a broker section with short timeouts and backoff, the outbox in
     * {@code outbox} with {@code outboxOptions} (inline YAML, e.g. {@code "max-bytes: 8192"}), and
     * {@code extraBroker} lines ({@code key: value}; a key given here replaces the default one).
     */
    static Path write(Path dir, String name, String sensors, Path outbox, String outboxOptions, String... extraBroker)
            throws IOException {
        Map<String, String> broker = new LinkedHashMap<>();
        broker.put("connect-timeout-s", "2");
        broker.put("reconnect", "{initial-ms: 50, max-ms: 300}");
        broker.put("metrics-interval-s", "1");
        broker.put("home-assistant", "{enabled: false}");
        if (outbox != null) {
            broker.put("outbox", "{dir: \"" + outbox + "\", " + (outboxOptions.isEmpty() ? "drain-on-close-s: 20" : outboxOptions) + "}");
        } else if (!outboxOptions.isEmpty()) {
            broker.put("outbox", "{" + outboxOptions + "}");
        }
        for (String line : extraBroker) {
            int colon = line.indexOf(':');
            broker.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
        }
        StringBuilder b = new StringBuilder(sensors).append("broker:\n");
        broker.forEach((k, v) -> b.append("  ").append(k).append(": ").append(v).append('\n'));
        Path file = dir.resolve(name);
        Files.writeString(file, b.toString());
        return file;
    }

    /** The ids of the detections a run printed, in order. */
    static List<String> ids(CliRun run) {
        return ids(run.jsonLines());
    }

    static List<String> ids(List<String> jsonLines) {
        return jsonLines.stream().map(l -> {
            try {
                JsonNode n = JSON.readTree(l);
                return n.get("id").asText();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }
}
