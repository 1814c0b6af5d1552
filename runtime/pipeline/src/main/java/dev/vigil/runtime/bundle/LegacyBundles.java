package dev.vigil.runtime.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.runtime.config.ConfigNames;
import dev.vigil.runtime.config.Sensor;
import dev.vigil.runtime.config.VigilConfig;
import dev.vigil.runtime.config.WakeConfig;
import dev.vigil.runtime.config.WakeRule;
import dev.vigil.runtime.dense.Int8Conv2d;
import dev.vigil.runtime.dense.Int8Layer;
import dev.vigil.runtime.dense.Int8Model;
import dev.vigil.runtime.dense.Int8Op;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Reads format 1, what {@code vigil train} wrote before bundles held front ends: per lane, wake settings
 * and a dense head over the built-in front end, and the training provenance. Its lanes are upgraded onto
 * the built-in front end of the config in use, which is how they always ran; a head whose input no longer
 * matches that front end's readouts (format 1 heads read the delta-spike readouts, no longer the default)
 * is refused naming the setting that runs it.
 */
final class LegacyBundles {
    /** Format tag of the old trained bundles. */
    static final String FORMAT = "vigil-model-bundle/1";

    private LegacyBundles() {
    }

    /** Checks the SHA-256 format 1 holds over the document without that field. */
    static void checkDigest(Path file, ObjectNode root) throws BundleException {
        ObjectNode body = root.deepCopy();
        body.remove("sha256");
        if (!root.path("sha256").asText().equals(BundleCodec.sha256(BundleCodec.bytes(body)))) {
            throw new BundleException(file + ": changed since vigil wrote it, its SHA-256 does not match (edited or corrupt)");
        }
    }

    /** The bundle {@code root} describes, its lanes on {@code builtin}'s built-in front end. */
    static ModelBundle upgrade(Path file, ObjectNode root, VigilConfig builtin) throws BundleException {
        try {
            JsonNode t = root.path("training");
            List<String> negatives = new ArrayList<>();
            t.path("negative-labels").forEach(n -> negatives.add(n.asText()));
            TrainingOptions o = new TrainingOptions(t.path("seed").asLong(), t.path("windows").asInt(), t.path("post-windows").asInt(0),
                    t.path("hidden").asInt(), t.path("epochs").asInt(), t.path("learning-rate").asDouble(),
                    t.path("last-layer").asText("prototypes").equals("prototypes"), t.path("shots").asInt(),
                    t.path("guard-ms").asInt(), negatives, TrainingOptions.MLP, null, null);
            List<BundleLane> lanes = new ArrayList<>();
            int i = 0;
            for (JsonNode ln : root.path("lanes")) {
                String where = "lanes[" + i++ + "]";
                Sensor sensor = Sensor.named(ln.path("sensor").asText()).orElseThrow(() -> new IllegalArgumentException(
                        where + ".sensor '" + ln.path("sensor").asText() + "' is not dvs, audio or vibration"));
                JsonNode w = ln.path("wake");
                WakeConfig wake = new WakeConfig(ConfigNames.require("rule", WakeRule.class, w.path("rule").asText()), w.path("on-spikes").asInt(),
                        w.path("off-spikes").asInt(), ints(w.path("class-on-spikes")), ints(w.path("class-off-spikes")), 6, w.path("k").asInt(1),
                        w.path("n").asInt(1), w.path("cooldown-ms").asInt(), w.path("max-per-hour").asInt(), w.path("burst").asInt(1),
                        w.path("pre-trigger-ms").asInt(), w.path("post-trigger-ms").asInt(0));
                Int8Model head = model(file, where, ln.path("model"));
                BundleLane lane = BuiltinLanes.lane(sensor, builtin, null, builtin.device().id());
                if (head.featuresPerWindow() != lane.frontEnd().readouts().size()) {
                    throw new BundleException(file + ": lane " + sensor.label() + ": its head was trained on "
                            + head.featuresPerWindow() + " readouts of the built-in front end, which now has "
                            + lane.frontEnd().readouts().size() + " " + lane.frontEnd().readouts()
                            + (sensor == Sensor.DVS ? "" : " (spikes: above-floor is the default since format 2; the head read"
                            + " rise-fall's " + BuiltinLanes.BAND_READOUTS + ")")
                            + ": run it with sensors." + sensor.label() + ".spikes: rise-fall"
                            + (sensor == Sensor.AUDIO ? " and smoothing-ms: 10 (the old defaults)" : "")
                            + " in the config, or train a new bundle"
                            + " on the current front end with 'vigil train'");
                }
                lanes.add(lane.with(wake, DenseHead.counts(head)));
            }
            List<Provenance.Source> sources = List.of(new Provenance.Source("log", "", t.path("log-sha256").asText()),
                    new Provenance.Source("labels", "", t.path("labels-sha256").asText()));
            return new ModelBundle(lanes, new Provenance(FORMAT, sources, o));
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

    private static Int8Model model(Path file, String where, JsonNode m) throws BundleException {
        List<String> labels = new ArrayList<>();
        m.path("labels").forEach(l -> labels.add(l.asText()));
        List<Int8Op> layers = new ArrayList<>();
        int i = 0;
        for (JsonNode l : m.path("layers")) {
            String at = where + ".model.layers[" + i++ + "]";
            byte[] w;
            try {
                w = Base64.getDecoder().decode(l.path("weights").asText());
            } catch (IllegalArgumentException e) {
                throw new BundleException(file + ": " + at + ".weights is not Base64");
            }
            int[] bias = ints(l.path("bias"));
            try {
                layers.add(switch (l.path("kind").asText()) {
                    case "dense" -> new Int8Layer(l.path("inputs").asInt(), l.path("outputs").asInt(), w, bias,
                            l.path("shift").asInt(), l.path("relu").asBoolean());
                    case "conv2d" -> new Int8Conv2d(l.path("in-channels").asInt(), l.path("height").asInt(), l.path("width").asInt(),
                            l.path("out-channels").asInt(), l.path("kh").asInt(), l.path("kw").asInt(), w, bias,
                            l.path("shift").asInt(), l.path("relu").asBoolean());
                    default -> throw new BundleException(file + ": " + at + ".kind '" + l.path("kind").asText()
                            + "' is not dense or conv2d");
                });
            } catch (IllegalArgumentException e) {
                throw new BundleException(file + ": " + at + ": " + e.getMessage());
            }
        }
        return new Int8Model(m.path("name").asText(), m.path("input-shift").asInt(), m.path("windows").asInt(1), layers,
                labels, m.path("logit-scale").asDouble());
    }
}
