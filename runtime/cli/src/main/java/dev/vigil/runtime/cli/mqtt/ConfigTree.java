package dev.vigil.runtime.cli.mqtt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.vigil.runtime.config.ConfigException;
import dev.vigil.runtime.config.ConfigLoader;
import dev.vigil.runtime.config.VigilConfig;

/** A config as a kebab-case JSON tree (as in the YAML file), and back through {@link ConfigLoader}'s checks. */
final class ConfigTree {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private ConfigTree() {
    }

    static ObjectNode of(VigilConfig config) {
        return ConfigLoader.tree(config);
    }

    /** The tree with secrets replaced, for publishing. */
    static ObjectNode redacted(VigilConfig config) {
        ObjectNode t = of(config);
        ObjectNode broker = (ObjectNode) t.get("broker");
        if (!broker.path("password").asText().isEmpty()) {
            broker.put("password", "***");
        }
        ObjectNode commands = (ObjectNode) broker.get("commands");
        if (!commands.path("token").asText().isEmpty()) {
            commands.put("token", "***");
        }
        ObjectNode http = (ObjectNode) t.get("http");
        if (!http.path("token").asText().isEmpty()) {
            http.put("token", "***");
        }
        return t;
    }

    /** Binds {@code tree} with every check of a config file; errors name {@code origin}. */
    static VigilConfig bind(JsonNode tree, String origin) throws ConfigException {
        try {
            return ConfigLoader.parse(YAML.writeValueAsString(tree), origin);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ConfigException(origin + ": " + e.getOriginalMessage());
        }
    }
}
