package dev.vigil.runtime.mqtt;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.tinylog.Logger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Handles {@code config/set}: a JSON object {@code {"id": "...", "token": "...", "set": {"sensors.audio.wake.on-spikes": 8}}}
 * (keys dotted or nested). The reply goes to the MQTT 5 response topic with its correlation data when
 * the command names one at or below {@code config/reply} (never elsewhere in the device's tree, nor
 * outside it), otherwise to {@code config/reply}:
 * {@code {"schema":1, "id":..., "ok":true, "applied":{...}}} or {@code {"ok":false, "error":"..."}}.
 * A refused command changes nothing.
 *
 * <p>What someone without the token can make Vigil do is bounded: a payload over {@value
 * #MAX_PAYLOAD} bytes is refused unread, and the token is found by streaming over the top-level fields
 * (skipping the values of the others, building nothing) before the command is parsed; an unauthorised
 * command gets a reply that echoes nothing of it. An {@code id} is echoed only when it is a string of
 * at most {@value #MAX_ECHOED} characters, correlation data only up to {@value #MAX_ECHOED} bytes.
 */
public final class ConfigCommands {
    /** Reply schema version. */
    public static final int SCHEMA = 1;
    /** Largest command payload read, bytes; larger ones are refused unread. */
    public static final int MAX_PAYLOAD = 16 * 1024;
    /** Longest {@code id} (characters) or correlation data (bytes) echoed in a reply. */
    public static final int MAX_ECHOED = 128;
    private static final String UNAUTHORISED = "unauthorised: the command's 'token' is missing or wrong";
    private final LiveSettings settings;
    private final String token;
    private final Topics topics;
    private final int replyQos;
    private boolean lastApplied;

    /**
     * Commands applied to {@code settings}, each required to carry {@code token}.
     *
     * @throws IllegalArgumentException when {@code token} is empty: commands are never open to anyone
     */
    public ConfigCommands(LiveSettings settings, String token, Topics topics, int replyQos) {
        if (token.isEmpty()) {
            throw new IllegalArgumentException("config/set commands need a token");
        }
        this.settings = settings;
        this.token = token;
        this.topics = topics;
        this.replyQos = replyQos;
    }

    /** True when the last handled command was applied. */
    public boolean lastApplied() {
        return lastApplied;
    }

    /** The reply to {@code m}, after applying it if it is valid. */
    public DeliveryHooks.Reply handle(InboundMessage m) {
        ObjectNode reply = Json.MAPPER.createObjectNode();
        reply.put("schema", SCHEMA);
        String replyTopic = topics.configReply();
        String error = null;
        if (m.responseTopic() != null && !m.responseTopic().isEmpty()) {
            if (topics.isReplyTopic(m.responseTopic())) {
                replyTopic = m.responseTopic();
            } else {
                error = "response topic '" + abbreviated(m.responseTopic()) + "' is refused: replies go only to "
                        + topics.configReply() + " or a topic below it";
            }
        }
        if (error == null && m.payload().length > MAX_PAYLOAD) {
            error = "command of " + m.payload().length + " bytes is refused unread: at most " + MAX_PAYLOAD;
        }
        if (error == null) {
            error = authorise(m.payload());
        }
        JsonNode cmd = null;
        if (error == null) {
            try {
                cmd = Json.MAPPER.readTree(m.payload());
                error = check(cmd);
            } catch (IOException e) {
                error = malformed(e);
            }
            JsonNode id = cmd == null ? null : cmd.get("id");
            if (id != null && id.isTextual() && id.asText().length() <= MAX_ECHOED) {
                reply.set("id", id);
            }
        }
        if (error == null) {
            try {
                Map<String, Object> applied = settings.apply(flatten(cmd.get("set")));
                reply.put("ok", true);
                reply.set("applied", Json.MAPPER.valueToTree(applied));
                reply.put("effective", "next-window");
                Logger.info("config/set applied: {}", applied);
            } catch (LiveSettings.RefusedChangeException e) {
                error = e.getMessage();
            }
        }
        lastApplied = error == null;
        if (error != null) {
            reply.put("ok", false);
            reply.put("error", error);
            Logger.warn("config/set refused: {}", error);
        }
        byte[] correlation = m.correlationData() != null && m.correlationData().length <= MAX_ECHOED ? m.correlationData() : null;
        return new DeliveryHooks.Reply(replyTopic, reply.toString().getBytes(StandardCharsets.UTF_8), replyQos, false,
                correlation);
    }

    /**
     * Null when the command's top-level {@code token} is the right one, compared in constant time; found
     * by streaming over the top-level fields without building any of them.
     */
    private String authorise(byte[] payload) {
        try (JsonParser p = Json.MAPPER.getFactory().createParser(payload)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return "malformed command: expected a JSON object with a 'set' object";
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("token")) {
                    boolean right = value == JsonToken.VALUE_STRING && MessageDigest.isEqual(
                            p.getText().getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
                    return right ? null : UNAUTHORISED;
                }
                p.skipChildren();
            }
            return UNAUTHORISED;
        } catch (IOException e) {
            return malformed(e);
        }
    }

    private static String malformed(IOException e) {
        return "malformed command: not JSON (" + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + ")";
    }

    private static String abbreviated(String s) {
        return s.length() <= MAX_ECHOED ? s : s.substring(0, MAX_ECHOED) + "...";
    }

    private String check(JsonNode cmd) {
        if (cmd == null || !cmd.isObject()) {
            return "malformed command: expected a JSON object with a 'set' object";
        }
        for (Iterator<String> it = cmd.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!f.equals("id") && !f.equals("token") && !f.equals("set")) {
                return "malformed command: unknown field '" + abbreviated(f) + "' (allowed: id, token, set)";
            }
        }
        if (!cmd.path("set").isObject()) {
            return "malformed command: expected a 'set' object of keys to values";
        }
        return null;
    }

    private static Map<String, JsonNode> flatten(JsonNode set) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        flatten("", set, out);
        return out;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, JsonNode> out) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            if (e.getValue().isObject()) {
                flatten(key, e.getValue(), out);
            } else {
                out.put(key, e.getValue());
            }
        }
    }
}
