package dev.vigil.runtime.bundle;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.runtime.config.ConfigEnumModule;
import dev.vigil.runtime.config.VigilConfig;
import dev.vigil.runtime.dense.Int8Conv2d;
import dev.vigil.runtime.dense.Int8DepthwiseConv2d;
import dev.vigil.runtime.dense.Int8Layer;
import dev.vigil.runtime.dense.Int8Op;
import dev.vigil.runtime.dense.Int8Pool2d;
import dev.vigil.runtime.network.ConvLayer;
import dev.vigil.runtime.network.CubaLif;
import dev.vigil.runtime.network.DenseLayer;
import dev.vigil.runtime.network.Layer;
import dev.vigil.runtime.network.NeuronModel;
import dev.vigil.runtime.network.NeuronParams;
import dev.vigil.runtime.network.QuantizedRelu;
import dev.vigil.runtime.network.RecurrentLayer;
import dev.vigil.runtime.network.Relay;
import dev.vigil.runtime.network.SumPoolLayer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.stream.Collectors;

/**
 * Writes and reads model bundles: one JSON document holding the format tag, the provenance, the lanes
 * (records mapped field by field, kebab-case keys as in the config, int8 head weights in Base64) and a
 * SHA-256 over the document without that field. Keys come in a fixed order and numbers in Java's
 * canonical form, so equal bundles are equal bytes; a file whose bytes differ in any way from what
 * writing its content gives back, or whose digest does not match, is refused naming the file. Format 1
 * (trained heads over the built-in front end) is read and upgraded; an old {@code vigil compile} output
 * folder is refused with the command that replaces it. Files above {@value #MAX_BYTES} bytes are refused.
 */
public final class BundleCodec {
    /** Format tag. */
    public static final String FORMAT = "vigil-model-bundle/2";
    /** Format tag of the bundles {@code vigil train} wrote before bundles held front ends; read and upgraded. */
    public static final String LEGACY_FORMAT = LegacyBundles.FORMAT;
    /** Largest bundle read. */
    public static final long MAX_BYTES = 64L << 20;
    /** File name ending {@code vigil compile} and {@code vigil train} suggest. */
    public static final String EXTENSION = ".vigil";
    static final ObjectMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .visibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .addModule(new ConfigEnumModule())
            .addMixIn(Layer.class, LayerKinds.class)
            .addMixIn(NeuronModel.class, NeuronKinds.class)
            .addMixIn(Int8Op.class, OpKinds.class)
            .build();

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
    @JsonSubTypes({@JsonSubTypes.Type(value = DenseLayer.class, name = "dense"),
            @JsonSubTypes.Type(value = RecurrentLayer.class, name = "recurrent"),
            @JsonSubTypes.Type(value = ConvLayer.class, name = "conv2d"),
            @JsonSubTypes.Type(value = SumPoolLayer.class, name = "sumpool2d")})
    private interface LayerKinds {
    }

    /** Names of the neuron models in the file; fixed here, as the format's, whatever the classes call themselves. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "model")
    @JsonSubTypes({@JsonSubTypes.Type(value = NeuronParams.class, name = "lif-shift"),
            @JsonSubTypes.Type(value = CubaLif.class, name = "cuba-lif"),
            @JsonSubTypes.Type(value = QuantizedRelu.class, name = "qrelu"),
            @JsonSubTypes.Type(value = Relay.class, name = "relay")})
    private interface NeuronKinds {
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
    @JsonSubTypes({@JsonSubTypes.Type(value = Int8Layer.class, name = "dense"),
            @JsonSubTypes.Type(value = Int8Conv2d.class, name = "conv2d"),
            @JsonSubTypes.Type(value = Int8DepthwiseConv2d.class, name = "depthwise2d"),
            @JsonSubTypes.Type(value = Int8Pool2d.class, name = "pool2d")})
    private interface OpKinds {
    }

    private BundleCodec() {
    }

    /** The bundle's bytes. */
    public static byte[] encode(ModelBundle b) {
        ObjectNode body = JSON.valueToTree(b);
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.set("provenance", body.get("provenance"));
        root.set("lanes", body.get("lanes"));
        root.put("sha256", sha256(bytes(root)));
        return bytes(root);
    }

    static byte[] bytes(JsonNode root) {
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return (JSON.writer(pp).writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JacksonException e) {
            throw new IllegalStateException("cannot encode bundle", e);
        }
    }

    /** SHA-256 of {@code data} in lower-case hex. */
    public static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads and checks the bundle in {@code file}. A format-1 file's lanes are upgraded onto the
     * built-in front end {@code builtin} describes.
     */
    public static ModelBundle read(Path file, VigilConfig builtin) throws IOException, BundleException {
        if (Files.isDirectory(file)) {
            throw new BundleException(file + (Files.isRegularFile(file.resolve("manifest.json"))
                    ? " is the folder an older 'vigil compile' wrote (manifest.json, weights.bin); compile the model"
                    + " again into one file: vigil compile MODEL.nir --sensor SENSOR -o MODEL" + EXTENSION
                    : " is a folder, not a model bundle"));
        }
        if (!Files.isRegularFile(file)) {
            throw new BundleException("model bundle not found: " + file);
        }
        if (Files.size(file) > MAX_BYTES) {
            throw new BundleException(file + ": larger than " + MAX_BYTES + " bytes, not a model bundle");
        }
        byte[] raw = Files.readAllBytes(file);
        JsonNode root;
        try {
            root = JSON.readTree(raw);
        } catch (JacksonException e) {
            throw new BundleException(file + ": not a model bundle (not JSON: " + e.getOriginalMessage() + ")");
        }
        if (!(root instanceof ObjectNode obj)) {
            throw new BundleException(file + ": not a model bundle (no 'format' field)");
        }
        String format = obj.path("format").asText();
        if (format.equals(LegacyBundles.FORMAT)) {
            LegacyBundles.checkDigest(file, obj);
            return LegacyBundles.upgrade(file, obj, builtin);
        }
        if (!format.equals(FORMAT)) {
            throw new BundleException(file + ": not a " + FORMAT + " bundle (field 'format' is '" + format + "')");
        }
        ObjectNode body = obj.deepCopy();
        body.remove("sha256");
        if (!obj.path("sha256").asText().equals(sha256(bytes(body))) || !Arrays.equals(raw, bytes(obj))) {
            throw new BundleException(file + ": changed since vigil wrote it, its SHA-256 does not match (edited or corrupt)");
        }
        body.remove("format");
        try {
            return JSON.treeToValue(body, ModelBundle.class);
        } catch (JsonMappingException e) {
            throw new BundleException(file + ": " + where(e) + describe(e));
        } catch (JacksonException e) {
            throw new BundleException(file + ": " + e.getOriginalMessage());
        }
    }

    private static String where(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        return path.isEmpty() ? "" : path + ": ";
    }

    private static String describe(JsonMappingException e) {
        Throwable cause = e instanceof ValueInstantiationException && e.getCause() != null ? e.getCause() : null;
        return cause != null ? cause.getMessage() : e.getOriginalMessage();
    }
}
