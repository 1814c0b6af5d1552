package dev.vigil.tests;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A bundle from `vigil train` drives `vigil replay --model`: its wake thresholds and heads replace the built-in ones, also from the older format. */
class TrainedModelReplayTest {

    @Test
    void replayUsesTheTrainedBundle(@TempDir Path dir) throws Exception {
        Path labels = dir.resolve("demo.labels.csv");
        Files.writeString(labels, "start_us,end_us,label\n1500000,2500000,motion\n3000000,3800000,speech\n4400000,5600000,bearing_fault\n");
        Path model = dir.resolve("demo.model.json");
        CliRun train = CliRun.run("train", TestPaths.demoLog().toString(), "--labels", labels.toString(), "-o", model.toString());
        assertEquals(0, train.exitCode(), train.err());

        CliRun builtIn = CliRun.run("replay", TestPaths.demoLog().toString(), "--max", "--no-mqtt");
        CliRun trained = CliRun.run("replay", TestPaths.demoLog().toString(), "--max", "--no-mqtt", "--model", model.toString());
        assertEquals(0, trained.exitCode(), trained.err());
        assertTrue(trained.err().contains("using the trained model bundle (seed 7"), trained.err());
        assertNotEquals(builtIn.jsonLines(), trained.jsonLines(), "trained thresholds and heads change what is detected");
        assertTrue(trained.jsonLines().stream().anyMatch(l -> l.contains("\"wake_reason\"")), trained.jsonLines().toString());
    }

    @Test
    void aNegativeLabelBecomesARejectClassAndEvalScoresItAsADistractor(@TempDir Path dir) throws Exception {
        Path labels = dir.resolve("demo.labels.csv");
        Files.writeString(labels, "start_us,end_us,label,sensor\n3000000,3800000,speech,audio\n1500000,2500000,motion,dvs\n");
        Path model = dir.resolve("demo.model.json");
        CliRun typo = CliRun.run("train", TestPaths.demoLog().toString(), "--labels", labels.toString(), "-o", model.toString(),
                "--negative", "speach");
        assertEquals(1, typo.exitCode());
        assertEquals("vigil: error: --negative speach: no interval in " + labels + " has that label", typo.err().strip());

        CliRun train = CliRun.run("train", TestPaths.demoLog().toString(), "--labels", labels.toString(), "-o", model.toString(),
                "--negative", "speech");
        assertEquals(0, train.exitCode(), train.err());
        assertTrue(train.err().contains("dvs: wake"), "the dvs lane has a target to learn: " + train.err());
        assertTrue(!train.err().contains("audio: wake"), "the audio lane has only a distractor, so it keeps its configured settings: "
                + train.err());
        Path json = dir.resolve("eval.json");
        CliRun eval = CliRun.run("eval", TestPaths.demoLog().toString(), "--labels", labels.toString(), "--model", model.toString(),
                "--json", json.toString());
        assertEquals(0, eval.exitCode(), eval.err());
        String report = Files.readString(json);
        assertTrue(report.contains("\"negativeLabels\" : [ \"speech\" ]"), "the bundle's negative labels are used: " + report);
    }

    @Test
    void evalWritesItsJsonOnlyWhereAsked(@TempDir Path dir) throws Exception {
        Path log = Files.copy(TestPaths.demoLog(), dir.resolve("demo.vlog"));
        Path labels = dir.resolve("demo.labels.csv");
        Files.writeString(labels, "start_us,end_us,label\n1500000,2500000,motion\n");
        CliRun eval = CliRun.run("eval", log.toString(), "--labels", labels.toString());
        assertEquals(0, eval.exitCode(), eval.err());
        assertTrue(String.join("\n", eval.outLines()).contains("recall"), eval.outLines().toString());
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "nothing is written beside the recording without --json");
        }
    }

    @Test
    void aFormatOneBundleRunsOnTheOldFrontEndItWasTrainedOnOrIsRefusedWithTheFix(@TempDir Path dir) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        root.put("format", "vigil-model-bundle/1");
        ObjectNode t = root.putObject("training");
        t.put("seed", 9).put("log-sha256", "a".repeat(64)).put("labels-sha256", "b".repeat(64)).put("windows", 1).put("post-windows", 0)
                .put("hidden", 16).put("epochs", 20).put("learning-rate", 0.05).put("last-layer", "sgd").put("shots", 20).put("guard-ms", 500)
                .putArray("negative-labels");
        ObjectNode lane = root.putArray("lanes").addObject();
        lane.put("sensor", "audio").put("front-end", "16 bands");
        lane.putObject("wake").put("rule", "threshold").put("on-spikes", 3).put("off-spikes", 0).put("k", 1).put("n", 1)
                .put("cooldown-ms", 0).put("max-per-hour", 0).put("burst", 1).put("pre-trigger-ms", 0).put("post-trigger-ms", 0);
        lane.putObject("examples");
        ObjectNode model = lane.putObject("model");
        model.put("name", "audio-head").put("input-shift", 0).put("windows", 1).put("logit-scale", 1.0);
        model.putArray("labels").add("hello").add("background");
        ObjectNode layer = model.putArray("layers").addObject();
        layer.put("kind", "dense").put("inputs", 4).put("outputs", 2).put("shift", 0).put("relu", false);
        layer.putArray("bias").add(1).add(0);
        layer.put("weights", Base64.getEncoder().encodeToString(new byte[8]));
        var printer = json.writer(new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n")));
        root.put("sha256", sha256((printer.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8)));
        Path old = dir.resolve("old.model.json");
        Files.writeString(old, printer.writeValueAsString(root) + "\n");

        CliRun refused = CliRun.run("replay", TestPaths.demoLog().toString(), "--max", "--no-mqtt", "--model", old.toString());
        assertEquals(1, refused.exitCode());
        assertTrue(refused.err().strip().lines().count() == 1 && refused.err().contains("run it with sensors.audio.spikes: rise-fall"
                + " and smoothing-ms: 10 (the old defaults)"), "the head read 4 readouts the default front end no longer has: " + refused.err());
        Path delta = Files.writeString(dir.resolve("delta.yaml"), "sensors:\n  audio:\n    spikes: rise-fall\n    smoothing-ms: 10\n");
        CliRun run = CliRun.run("replay", TestPaths.demoLog().toString(), "--max", "--no-mqtt", "--model", old.toString(),
                "--config", delta.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("using the trained model bundle (seed 9, lanes audio) from " + old + "; it is in the older format"
                + " vigil-model-bundle/1: its heads run on this config's built-in front end, as before"), run.err());
        assertTrue(run.jsonLines().stream().anyMatch(l -> l.contains("\"sensor\":\"audio\"") && l.contains("\"label\":\"hello\"")),
                "the old head labels the audio lane's wakes: " + run.jsonLines());
    }

    private static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

    @Test
    void missingBundleIsAOneLineError(@TempDir Path dir) {
        CliRun run = CliRun.run("replay", TestPaths.demoLog().toString(), "--no-mqtt", "--model", dir.resolve("no.json").toString());
        assertEquals(1, run.exitCode());
        assertEquals("vigil: error: model bundle not found: " + dir.resolve("no.json"), run.err().strip());
    }
}
