package dev.vigil.runtime.bundle;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.runtime.config.ConfigLoader;
import dev.vigil.runtime.config.Sensor;
import dev.vigil.runtime.config.VigilConfig;
import dev.vigil.runtime.config.WakeConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bundle file: canonical bytes, digest-checked reads, the old formats. */
class BundleCodecTest {
    private static final VigilConfig DEFAULTS = ConfigLoader.defaults();
    private static final Provenance PROVENANCE = new Provenance("vigil test",
            List.of(new Provenance.Source("config", "vigil.yaml", "0".repeat(64))), TrainingOptions.defaults());

    @TempDir
    Path dir;

    private Path write(String name, byte[] bytes) throws Exception {
        Path f = dir.resolve(name);
        Files.write(f, bytes);
        return f;
    }

    @Test
    void theBuiltInBundleReadsBackEqualAndWritesTheSameBytesAgain() throws Exception {
        ModelBundle b = BuiltinLanes.bundle(DEFAULTS, "fast", null, PROVENANCE);
        byte[] bytes = BundleCodec.encode(b);
        assertArrayEquals(bytes, BundleCodec.encode(BuiltinLanes.bundle(ConfigLoader.defaults(), "fast", null, PROVENANCE)),
                "the same content gives the same bytes");
        ModelBundle read = BundleCodec.read(write("b.vigil", bytes), DEFAULTS);
        assertEquals(b, read);
        assertArrayEquals(bytes, BundleCodec.encode(read));
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("{\n  \"format\" : \"vigil-model-bundle/2\",\n  \"provenance\" : {"), text.substring(0, 80));
        assertTrue(text.contains("\"input-shape\" : [ 2, 12, 16 ]") && text.contains("\"view\" : \"readout-counts\""), "fields as documented");
    }

    @Test
    void acceptScoresRoundTripSortedAndAreCheckedAgainstTheHeadsLabels() throws Exception {
        BundleLane audio = BuiltinLanes.lane(Sensor.AUDIO, DEFAULTS, null, "fast");
        List<String> labels = audio.head().model().labels();
        String target = labels.getFirst();
        Map<String, Double> scores = new LinkedHashMap<>();
        scores.put(target, 0.75);
        ModelBundle b = new ModelBundle(List.of(audio.with(audio.wake(), audio.head().withAcceptScores(scores))), PROVENANCE);
        byte[] bytes = BundleCodec.encode(b);
        assertTrue(new String(bytes, StandardCharsets.UTF_8).contains("\"accept-scores\" : {\n"), "written when set");
        ModelBundle read = BundleCodec.read(write("scored.vigil", bytes), DEFAULTS);
        assertEquals(Map.of(target, 0.75), read.lanes().getFirst().head().acceptScores());
        assertArrayEquals(bytes, BundleCodec.encode(read));
        assertEquals(null, audio.head().withAcceptScores(Map.of()).acceptScores(), "empty is none, and none is not written");

        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> audio.head().withAcceptScores(Map.of("Yes!", 0.5)));
        assertTrue(unknown.getMessage().contains("accept score for 'Yes!', which is not one of its labels"), unknown.getMessage());
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
                () -> audio.head().withAcceptScores(Map.of(target, 1.5)));
        assertTrue(range.getMessage().contains("accept score of '" + target + "' must be a probability in (0, 1], got 1.5"), range.getMessage());
        Map<String, Double> all = new LinkedHashMap<>();
        labels.forEach(l -> all.put(l, 0.5));
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> audio.head().withAcceptScores(all));
        assertTrue(none.getMessage().contains("every label has an accept score"), none.getMessage());
    }

    @Test
    void lanesAreKeptInSensorOrderWhateverTheOrderTheyCameIn() {
        BundleLane dvs = BuiltinLanes.lane(Sensor.DVS, DEFAULTS, null, "fast");
        BundleLane audio = BuiltinLanes.lane(Sensor.AUDIO, DEFAULTS, null, "fast");
        assertArrayEquals(BundleCodec.encode(new ModelBundle(List.of(dvs, audio), PROVENANCE)),
                BundleCodec.encode(new ModelBundle(List.of(audio, dvs), PROVENANCE)));
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> new ModelBundle(List.of(audio, audio), PROVENANCE));
        assertEquals("two lanes for sensor audio", twice.getMessage());
    }

    @Test
    void anyOneChangedByteIsRefusedNamingTheFile() throws Exception {
        byte[] bytes = BundleCodec.encode(new ModelBundle(List.of(BuiltinLanes.lane(Sensor.AUDIO, DEFAULTS, null, "fast")), PROVENANCE));
        SplittableRandom random = new SplittableRandom(12);
        for (int k = 0; k < 400; k++) {
            int at = k < 200 ? k * bytes.length / 200 : random.nextInt(bytes.length);
            byte[] changed = bytes.clone();
            changed[at] = (byte) (changed[at] == ' ' ? '\t' : changed[at] ^ (1 << random.nextInt(7)));
            Path f = write("changed.vigil", changed);
            BundleException e = assertThrows(BundleException.class, () -> BundleCodec.read(f, DEFAULTS), "byte " + at);
            assertTrue(e.getMessage().startsWith(f + ": "), e.getMessage());
        }
    }

    @Test
    void anEditWithARecomputedDigestIsStillCheckedFieldByField() throws Exception {
        ObjectNode root = (ObjectNode) BundleCodec.JSON.readTree(BundleCodec.encode(
                new ModelBundle(List.of(BuiltinLanes.lane(Sensor.AUDIO, DEFAULTS, null, "fast")), PROVENANCE)));
        ((ObjectNode) root.path("lanes").get(0).path("head")).put("view", "mfcc");
        root.remove("sha256");
        root.put("sha256", BundleCodec.sha256(BundleCodec.bytes(root)));
        Path f = write("view.vigil", BundleCodec.bytes(root));
        BundleException e = assertThrows(BundleException.class, () -> BundleCodec.read(f, DEFAULTS));
        assertEquals(f + ": lanes[0].head: head view 'mfcc' is not one this vigil reads (readout-counts, log-mel, vibration-spectra)", e.getMessage());
    }

    @Test
    void aFormatOneFileLoadsItsHeadsOnTheBuiltInFrontEnd() throws Exception {
        ObjectNode root = BundleCodec.JSON.createObjectNode();
        root.put("format", "vigil-model-bundle/1");
        ObjectNode t = root.putObject("training");
        t.put("seed", 11).put("log-sha256", "a".repeat(64)).put("labels-sha256", "b".repeat(64)).put("windows", 1)
                .put("post-windows", 0).put("hidden", 16).put("epochs", 20).put("learning-rate", 0.05).put("last-layer", "sgd")
                .put("shots", 20).put("guard-ms", 500).putArray("negative-labels").add("speech");
        ObjectNode lane = root.putArray("lanes").addObject();
        lane.put("sensor", "vibration").put("front-end", "12 bands");
        lane.putObject("wake").put("rule", "threshold").put("on-spikes", 30).put("off-spikes", 20).put("k", 1).put("n", 1)
                .put("cooldown-ms", 0).put("max-per-hour", 0).put("burst", 1).put("pre-trigger-ms", 0).put("post-trigger-ms", 0);
        lane.putObject("examples").put("bearing_fault", 3);
        ObjectNode model = lane.putObject("model");
        model.put("name", "vibration-head").put("input-shift", 0).put("windows", 1).put("logit-scale", 0.5);
        model.putArray("labels").add("bearing_fault").add("background");
        ObjectNode layer = model.putArray("layers").addObject();
        layer.put("kind", "dense").put("inputs", 4).put("outputs", 2).put("shift", 0).put("relu", false);
        layer.putArray("bias").add(0).add(1);
        layer.put("weights", "AQIDBAUGBwg=");
        root.put("sha256", BundleCodec.sha256(BundleCodec.bytes(root)));
        Path f = write("old.model.json", BundleCodec.bytes(root));

        BundleException refused = assertThrows(BundleException.class, () -> BundleCodec.read(f, DEFAULTS));
        assertEquals(f + ": lane vibration: its head was trained on 4 readouts of the built-in front end, which now has 7 "
                + BuiltinLanes.FLOOR_READOUTS + " (spikes: above-floor is the default since format 2; the head read rise-fall's "
                + BuiltinLanes.BAND_READOUTS + "): run it with sensors.vibration.spikes: rise-fall in the config, or train a new"
                + " bundle on the current front end with 'vigil train'", refused.getMessage());

        VigilConfig delta = ConfigLoader.parse("sensors:\n  vibration:\n    spikes: rise-fall\n", "delta.yaml");
        ModelBundle read = BundleCodec.read(f, delta);
        BundleLane v = read.lane(Sensor.VIBRATION).orElseThrow();
        assertEquals(WakeConfig.threshold(30, 20), v.wake());
        assertEquals(List.of("bearing_fault", "background"), v.head().model().labels());
        assertEquals(BuiltinLanes.lane(Sensor.VIBRATION, delta, null, delta.device().id()).frontEnd(), v.frontEnd(),
                "the lane runs the built-in front end, as format-1 heads always did");
        assertEquals(List.of("speech"), read.provenance().training().negatives());
        assertEquals(BundleCodec.LEGACY_FORMAT, read.provenance().tool());

        byte[] bytes = Files.readAllBytes(f);
        int at = new String(bytes, StandardCharsets.UTF_8).indexOf("\"on-spikes\" : 30") + 15;
        bytes[at] = '1';
        Path edited = write("edited.model.json", bytes);
        BundleException e = assertThrows(BundleException.class, () -> BundleCodec.read(edited, delta));
        assertEquals(edited + ": changed since vigil wrote it, its SHA-256 does not match (edited or corrupt)", e.getMessage());
    }

    @Test
    void anOldCompileFolderIsRefusedWithTheCommandThatReplacesIt() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("lif.reference.bundle"));
        Files.writeString(folder.resolve("manifest.json"), "{}");
        BundleException e = assertThrows(BundleException.class, () -> BundleCodec.read(folder, DEFAULTS));
        assertEquals(folder + " is the folder an older 'vigil compile' wrote (manifest.json, weights.bin); compile the model"
                + " again into one file: vigil compile MODEL.nir --sensor SENSOR -o MODEL.vigil", e.getMessage());
    }

    @Test
    void otherFilesAreRefusedNamingThem() throws Exception {
        Path text = write("notes.txt", "hello".getBytes(StandardCharsets.UTF_8));
        assertTrue(assertThrows(BundleException.class, () -> BundleCodec.read(text, DEFAULTS)).getMessage()
                .startsWith(text + ": not a model bundle (not JSON"));
        Path other = write("other.json", "{\"format\" : \"something/3\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals(other + ": not a vigil-model-bundle/2 bundle (field 'format' is 'something/3')",
                assertThrows(BundleException.class, () -> BundleCodec.read(other, DEFAULTS)).getMessage());
        assertEquals("model bundle not found: " + dir.resolve("none.vigil"),
                assertThrows(BundleException.class, () -> BundleCodec.read(dir.resolve("none.vigil"), DEFAULTS)).getMessage());
    }
}
