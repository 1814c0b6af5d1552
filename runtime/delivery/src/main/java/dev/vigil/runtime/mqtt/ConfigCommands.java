package dev.vigil.runtime.mqtt;

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
 * the command names one, otherwise to {@code config/reply}: {@code {"schema":1, "id":..., "ok":true,
 * "applied":{...}}} or {@code {"ok":false, "error":"..."}}. A refused command changes nothing.
 */
public final class ConfigCommands {
    /** Reply schema version. */
    public static final int SCHEMA = 1;
    private final LiveSettings settings;
    private final String token;
    private final Topics topics;
    private final int replyQos;
    private boolean lastApplied;

    /** Commands applied to {@code settings}, requiring {@code token} when it is not empty. */
    public ConfigCommands(LiveSettings settings, String token, Topics topics, int replyQos) {
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
        String replyTopic = m.responseTopic() != null && !m.responseTopic().isEmpty() ? m.responseTopic() : topics.configReply();
        ObjectNode reply = Json.MAPPER.createObjectNode();
        reply.put("schema", SCHEMA);
        JsonNode cmd = null;
        String error;
        try {
            cmd = Json.MAPPER.readTree(m.payload());
            error = check(cmd);
        } catch (IOException e) {
            error = "malformed command: not JSON (" + e.getMessage().lines().findFirst().orElse("") + ")";
        }
        if (cmd != null && cmd.has("id")) {
            reply.set("id", cmd.get("id"));
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
        return new DeliveryHooks.Reply(replyTopic, reply.toString().getBytes(StandardCharsets.UTF_8), replyQos, false,
                m.correlationData());
    }

    private String check(JsonNode cmd) {
        if (cmd == null || !cmd.isObject()) {
            return "malformed command: expected a JSON object with a 'set' object";
        }
        if (!token.isEmpty()) {
            String given = cmd.path("token").asText("");
            if (!MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
                return "unauthorised: the command's 'token' is missing or wrong";
            }
        }
        for (Iterator<String> it = cmd.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!f.equals("id") && !f.equals("token") && !f.equals("set")) {
                return "malformed command: unknown field '" + f + "' (allowed: id, token, set)";
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
