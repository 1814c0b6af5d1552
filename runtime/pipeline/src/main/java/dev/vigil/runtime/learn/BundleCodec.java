package dev.vigil.runtime.learn;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.runtime.config.ConfigNames;
import dev.vigil.runtime.config.WakeConfig;
import dev.vigil.runtime.config.WakeRule;
import dev.vigil.runtime.dense.Int8Model;
import dev.vigil.runtime.dense.Int8Op;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes and reads model bundles as one JSON document: format tag, training provenance, lanes (wake
 * settings and int8 heads, weights in Base64), and a SHA-256 over the document without that field.
 * Keys are written in a fixed order and numbers in Java's canonical form, so equal bundles are equal
 * bytes. Files above {@value #MAX_BYTES} bytes are refused.
 */
public final class BundleCodec {
    /** Format tag. */
    public static final String FORMAT = "vigil-model-bundle/1";
    /** Largest bundle read. */
    public static final long MAX_BYTES = 64L << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private BundleCodec() {
    }

    /** The bundle's bytes. */
    public static byte[] encode(ModelBundle b) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        ObjectNode t = root.putObject("training");
        t.put("seed", b.seed());
        t.put("log-sha256", b.logSha256());
        t.put("labels-sha256", b.labelsSha256());
        TrainingOptions o = b.options();
        t.put("windows", o.windows()).put("post-windows", o.postWindows()).put("hidden", o.hidden()).put("epochs", o.epochs())
                .put("learning-rate", o.learningRate()).put("last-layer", o.prototypes() ? "prototypes" : "sgd")
                .put("shots", o.shots()).put("guard-ms", o.guardMs());
        ArrayNode negatives = t.putArray("negative-labels");
        o.negatives().forEach(negatives::add);
        ArrayNode lanes = root.putArray("lanes");
        for (LaneBundle l : b.lanes()) {
            ObjectNode ln = lanes.addObject();
            ln.put("sensor", l.sensor());
            ln.put("front-end", l.frontEnd());
            WakeConfig w = l.wake();
            ObjectNode wn = ln.putObject("wake");
            wn.put("rule", w.rule().label()).put("on-spikes", w.onSpikes()).put("off-spikes", w.offSpikes());
            ArrayNode con = wn.putArray("class-on-spikes");
            Arrays.stream(w.classOnSpikes()).forEach(con::add);
            ArrayNode coff = wn.putArray("class-off-spikes");
            Arrays.stream(w.classOffSpikes()).forEach(coff::add);
            wn.put("k", w.k()).put("n", w.n()).put("cooldown-ms", w.cooldownMs()).put("max-per-hour", w.maxPerHour())
                    .put("burst", w.burst()).put("pre-trigger-ms", w.preTriggerMs())
                    .put("post-trigger-ms", w.postTriggerMs());
            ObjectNode ex = ln.putObject("examples");
            new TreeMap<>(l.examples()).forEach(ex::put);
            ln.set("model", model(l.head()));
        }
        root.put("sha256", sha256(bytes(root)));
        return bytes(root);
    }

    private static ObjectNode model(Int8Model m) {
        ObjectNode n = JSON.createObjectNode();
        n.put("name", m.name()).put("input-shift", m.inputShift()).put("windows", m.windows()).put("logit-scale", m.logitScale());
        ArrayNode labels = n.putArray("labels");
        m.labels().forEach(labels::add);
        ArrayNode layers = n.putArray("layers");
        for (Int8Op op : m.layers()) {
            layers.add(Int8OpJson.write(op));
        }
        return n;
    }

    /** {@code root} in the bundle's canonical form. */
    static byte[] bytes(ObjectNode root) {
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
        try {
            String s = JSON.writer(pp).writeValueAsString(root) + "\n";
            return s.getBytes(StandardCharsets.UTF_8);
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

    /** Reads and checks the bundle in {@code file}. */
    public static ModelBundle read(Path file) throws IOException, BundleException {
        if (!Files.isRegularFile(file)) {
            throw new BundleException(file + ": model bundle not found");
        }
        if (Files.size(file) > MAX_BYTES) {
            throw new BundleException(file + ": larger than " + MAX_BYTES + " bytes, not a model bundle");
        }
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (JacksonException e) {
            throw new BundleException(file + ": not JSON: " + e.getOriginalMessage());
        }
        if (!(root instanceof ObjectNode obj) || !FORMAT.equals(root.path("format").asText())) {
            throw new BundleException(file + ": not a " + FORMAT + " bundle (field 'format')");
        }
        String sha = obj.path("sha256").asText();
        ObjectNode body = obj.deepCopy();
        body.remove("sha256");
        if (!sha.equals(sha256(bytes(body)))) {
            throw new BundleException(file + ": field 'sha256' does not match the content (edited or corrupt)");
        }
        try {
            JsonNode t = root.path("training");
            List<String> negatives = new ArrayList<>();
            t.path("negative-labels").forEach(n -> negatives.add(n.asText()));
            TrainingOptions o = new TrainingOptions(t.path("seed").asLong(), t.path("windows").asInt(), t.path("post-windows").asInt(0),
                    t.path("hidden").asInt(), t.path("epochs").asInt(), t.path("learning-rate").asDouble(),
                    t.path("last-layer").asText("prototypes").equals("prototypes"), t.path("shots").asInt(),
                    t.path("guard-ms").asInt(), negatives);
            List<LaneBundle> lanes = new ArrayList<>();
            int i = 0;
            for (JsonNode ln : root.path("lanes")) {
                String where = "lanes[" + i++ + "]";
                JsonNode w = ln.path("wake");
                WakeConfig wake = new WakeConfig(ConfigNames.require("rule", WakeRule.class, w.path("rule").asText()), w.path("on-spikes").asInt(), w.path("off-spikes").asInt(),
                        ints(w.path("class-on-spikes")), ints(w.path("class-off-spikes")), 6, w.path("k").asInt(1), w.path("n").asInt(1), w.path("cooldown-ms").asInt(),
                        w.path("max-per-hour").asInt(), w.path("burst").asInt(1), w.path("pre-trigger-ms").asInt(),
                        w.path("post-trigger-ms").asInt(0));
                Map<String, Integer> examples = new TreeMap<>();
                ln.path("examples").fields().forEachRemaining(e -> examples.put(e.getKey(), e.getValue().asInt()));
                lanes.add(new LaneBundle(ln.path("sensor").asText(), ln.path("front-end").asText(), wake,
                        readModel(file, where, ln.path("model")), examples));
            }
            return new ModelBundle(lanes, t.path("seed").asLong(), t.path("log-sha256").asText(),
                    t.path("labels-sha256").asText(), o);
        } catch (IllegalArgumentException e) {
            throw new BundleException(file + ": " + e.getMessage());
        }
    }

    private static int[] ints(JsonNode array) {
        int[] v = new int[array.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = array.get(i).asInt();
        }
        return v;
    }

    private static Int8Model readModel(Path file, String where, JsonNode m) throws BundleException {
        List<String> labels = new ArrayList<>();
        m.path("labels").forEach(l -> labels.add(l.asText()));
        List<Int8Op> layers = new ArrayList<>();
        int i = 0;
        for (JsonNode l : m.path("layers")) {
            layers.add(Int8OpJson.read(l, file + ": " + where + ".model.layers[" + i++ + "]"));
        }
        return new Int8Model(m.path("name").asText(), m.path("input-shift").asInt(), m.path("windows").asInt(1), layers,
                labels, m.path("logit-scale").asDouble());
    }
}
