package dev.vigil.runtime.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Loads a YAML config: the user's file is laid over the bundled defaults key by key, then bound onto
 * the records. Refuses unknown keys (naming them and the keys allowed there), wrong types and bad
 * values (naming key, value and reason).
 */
public final class ConfigLoader {
    private static final String DEFAULTS = "/dev/vigil/runtime/config/vigil-defaults.yaml";
    /** How Jackson's strict duplicate detection starts its message. */
    private static final String DUPLICATE = "Duplicate field";
    /** YAML 1.2's booleans only: {@code yes}, {@code no}, {@code on}, {@code off} stay words (labels such as a keyword "yes"). */
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS).build());
    private static final ObjectMapper BINDER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .addModule(new ConfigEnumModule())
            .build();

    private ConfigLoader() {
    }

    /** The defaults alone. */
    public static VigilConfig defaults() {
        try {
            return bind(defaultTree(), "built-in defaults");
        } catch (ConfigException e) {
            throw new IllegalStateException("bundled defaults are invalid: " + e.getMessage(), e);
        }
    }

    /** Loads {@code file} over the defaults. */
    public static VigilConfig load(Path file) throws ConfigException {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": config file not found");
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read config file: " + e.getMessage());
        }
        return parse(text, file.toString());
    }

    /** Parses YAML {@code text} (named {@code origin} in errors) over the defaults. */
    public static VigilConfig parse(String text, String origin) throws ConfigException {
        JsonNode user;
        try {
            user = YAML.readTree(text);
        } catch (StreamReadException e) {
            String line = e.getLocation() != null ? " (line " + e.getLocation().getLineNr() + ")" : "";
            if (e.getOriginalMessage().startsWith(DUPLICATE) && e.getProcessor() != null) {
                throw new ConfigException(origin + ": key '" + dotted(e.getProcessor().getParsingContext())
                        + "' is given twice" + line);
            }
            throw new ConfigException(origin + ": not valid YAML: " + e.getOriginalMessage() + line);
        } catch (JacksonException e) {
            throw new ConfigException(origin + ": not valid YAML: " + e.getOriginalMessage()
                    + (e.getLocation() != null ? " (line " + e.getLocation().getLineNr() + ")" : ""));
        }
        ObjectNode merged = defaultTree();
        if (user != null && !user.isMissingNode() && !user.isNull()) {
            if (!user.isObject()) {
                throw new ConfigException(origin + ": the config must be a mapping of keys to values");
            }
            overlay(merged, (ObjectNode) user);
        }
        return bind(merged, origin);
    }

    /** {@code config} as a tree with the file's kebab-case keys and spellings; {@link #parse} reads it back. */
    public static ObjectNode tree(VigilConfig config) {
        return BINDER.valueToTree(config);
    }

    private static ObjectNode defaultTree() {
        try (InputStream in = ConfigLoader.class.getResourceAsStream(DEFAULTS)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + DEFAULTS);
            }
            return (ObjectNode) YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void overlay(ObjectNode base, ObjectNode top) {
        Iterator<Map.Entry<String, JsonNode>> it = top.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode existing = base.get(e.getKey());
            if (existing instanceof ObjectNode eo && e.getValue() instanceof ObjectNode to) {
                overlay(eo, to);
            } else {
                base.set(e.getKey(), e.getValue());
            }
        }
    }

    private static VigilConfig bind(ObjectNode tree, String origin) throws ConfigException {
        try {
            return BINDER.treeToValue(tree, VigilConfig.class);
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds() == null ? "" : e.getKnownPropertyIds().stream()
                    .map(Object::toString).sorted().collect(Collectors.joining(", "));
            throw new ConfigException(origin + ": unknown key '" + path(e) + "'"
                    + (known.isEmpty() ? "" : " (allowed here: " + known + ")"));
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause();
            if (cause instanceof BadValueException bad) {
                String section = path(e);
                String key = section.isEmpty() ? bad.key() : section + "." + bad.key();
                throw new ConfigException(origin + ": " + key + " = " + bad.value() + " is refused: " + bad.reason());
            }
            throw new ConfigException(origin + ": '" + path(e) + "': " + (cause != null ? cause.getMessage() : e.getOriginalMessage()));
        } catch (InvalidFormatException e) {
            throw new ConfigException(origin + ": " + path(e) + " = " + e.getValue() + " is refused: "
                    + expectation(e.getTargetType()));
        } catch (MismatchedInputException e) {
            JsonNode value = tree.at("/" + path(e).replace(".", "/"));
            throw new ConfigException(origin + ": " + path(e) + (value.isMissingNode() ? "" : " = " + value)
                    + " is refused: " + expectation(e.getTargetType()));
        } catch (JsonMappingException e) {
            throw new ConfigException(origin + ": " + path(e) + ": " + e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(origin + ": " + e.getMessage());
        } catch (JacksonException e) {
            throw new ConfigException(origin + ": " + e.getOriginalMessage());
        }
    }

    private static String expectation(Class<?> type) {
        return type != null && type.isEnum() ? "use one of " + ConfigNames.allowed(type) : "expected " + describe(type);
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "another type";
        }
        if (type == int.class || type == Integer.class || type == long.class) {
            return "a whole number";
        }
        if (type == double.class || type == Double.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        return "a section (key: value mapping)";
    }

    /** The key a parser stood at, written as {@link #path} writes keys: {@code broker.url}, {@code sources[0].driver}. */
    private static String dotted(JsonStreamContext context) {
        List<String> parts = new ArrayList<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            parts.add(0, c.inArray() ? "[" + c.getCurrentIndex() + "]" : c.getCurrentName());
        }
        return String.join(".", parts).replace(".[", "[");
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
