package dev.vigil.runtime.mqtt;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a {@code config/set} command can make Vigil do, and what it takes. */
class ConfigCommandsTest {
    private static final Topics TOPICS = new Topics("vigil", "pump-7");

    /** Live settings that take any change and remember what they took. */
    private static final class Recorded implements LiveSettings {
        final List<Map<String, JsonNode>> applied = new ArrayList<>();

        @Override
        public Map<String, Object> current() {
            return Map.of();
        }

        @Override
        public Map<String, Object> apply(Map<String, JsonNode> changes) {
            applied.add(changes);
            return new LinkedHashMap<>(changes);
        }
    }

    private static InboundMessage command(String payload, String responseTopic) {
        return new InboundMessage(TOPICS.configSet(), payload.getBytes(StandardCharsets.UTF_8), responseTopic, new byte[]{7});
    }

    private static JsonNode json(DeliveryHooks.Reply r) throws Exception {
        return Json.MAPPER.readTree(r.payload());
    }

    @Test
    void commandsNeedAToken() {
        assertThrows(IllegalArgumentException.class, () -> new ConfigCommands(new Recorded(), "", TOPICS, 1));
    }

    @Test
    void theTokenIsCheckedBeforeTheBodyIsParsed() throws Exception {
        Recorded settings = new Recorded();
        ConfigCommands c = new ConfigCommands(settings, "s3cret", TOPICS, 1);
        String broken = ",\"set\":{\"sensors.dvs.enabled\":[[[[ not json at all";
        JsonNode wrong = json(c.handle(command("{\"token\":\"wrong\"" + broken, null)));
        assertEquals("unauthorised: the command's 'token' is missing or wrong", wrong.get("error").asText(),
                "refused on the token alone: the rest was never read");
        JsonNode right = json(c.handle(command("{\"token\":\"s3cret\"" + broken, null)));
        assertTrue(right.get("error").asText().startsWith("malformed command: not JSON"), right.toString());
        JsonNode missing = json(c.handle(command("{\"id\":\"a\",\"set\":{\"sensors.dvs.enabled\":false}}", null)));
        assertEquals("unauthorised: the command's 'token' is missing or wrong", missing.get("error").asText());
        assertNull(missing.get("id"), "an unauthorised command's reply echoes nothing of it");
        assertTrue(settings.applied.isEmpty());
    }

    @Test
    void aPayloadOverTheLimitIsRefusedUnread() throws Exception {
        Recorded settings = new Recorded();
        ConfigCommands c = new ConfigCommands(settings, "s3cret", TOPICS, 1);
        String big = "{\"token\":\"s3cret\",\"set\":{\"sensors.dvs.enabled\":false},\"id\":\"" + "x".repeat(ConfigCommands.MAX_PAYLOAD) + "\"}";
        JsonNode r = json(c.handle(command(big, null)));
        assertFalse(r.get("ok").asBoolean());
        assertTrue(r.get("error").asText().contains("is refused unread: at most " + ConfigCommands.MAX_PAYLOAD), r.toString());
        assertTrue(settings.applied.isEmpty());
    }

    @Test
    void repliesGoOnlyToTheDevicesReplyTopicOrBelowIt() throws Exception {
        Recorded settings = new Recorded();
        ConfigCommands c = new ConfigCommands(settings, "s3cret", TOPICS, 1);
        String valid = "{\"id\":\"r1\",\"token\":\"s3cret\",\"set\":{\"sensors.dvs.enabled\":false}}";
        DeliveryHooks.Reply below = c.handle(command(valid, "vigil/pump-7/config/reply/ops-42"));
        assertEquals("vigil/pump-7/config/reply/ops-42", below.topic());
        assertArrayEquals(new byte[]{7}, below.correlationData());
        assertTrue(json(below).get("ok").asBoolean());
        for (String foreign : List.of("ops/replies/42", "vigil/pump-7/detections/dvs", "vigil/pump-7/status",
                "vigil/pump-8/config/reply", "vigil/pump-7/config/reply/#")) {
            DeliveryHooks.Reply r = c.handle(command(valid, foreign));
            assertEquals("vigil/pump-7/config/reply", r.topic(), foreign + " is not answered");
            assertTrue(json(r).get("error").asText().contains("response topic '" + foreign + "' is refused"), json(r).toString());
        }
        assertEquals(1, settings.applied.size(), "a command with a refused response topic changes nothing");
    }

    @Test
    void onlyAShortIdIsEchoed() throws Exception {
        ConfigCommands c = new ConfigCommands(new Recorded(), "s3cret", TOPICS, 1);
        String shortId = "i".repeat(ConfigCommands.MAX_ECHOED);
        String longId = shortId + "i";
        assertEquals(shortId, json(c.handle(command("{\"id\":\"" + shortId + "\",\"token\":\"s3cret\",\"set\":{}}", null))).get("id").asText());
        assertNull(json(c.handle(command("{\"id\":\"" + longId + "\",\"token\":\"s3cret\",\"set\":{}}", null))).get("id"));
        assertNull(json(c.handle(command("{\"id\":{\"deep\":[1,2,3]},\"token\":\"s3cret\",\"set\":{}}", null))).get("id"),
                "an id that is not a string is not echoed either");
    }
}
