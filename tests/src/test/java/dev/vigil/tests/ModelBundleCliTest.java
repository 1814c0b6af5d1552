package dev.vigil.tests;

import dev.vigil.runtime.bundle.BundleCodec;
import dev.vigil.runtime.bundle.BundleLane;
import dev.vigil.runtime.bundle.ModelBundle;
import dev.vigil.runtime.config.ConfigLoader;
import dev.vigil.runtime.config.Sensor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One model bundle through every command: written by {@code compile} (a NIR model, the built-in front
 * end), extended by {@code train}, read by {@code replay}, {@code eval}, {@code run} and the config;
 * byte-reproducible; a changed byte refused naming the file; a front end its encoder cannot feed refused
 * in one line.
 */
class ModelBundleCliTest {
    private static final Path BRAILLE = TestPaths.shared().resolve("data/nir/braille_noDelay_bias_zero.nir");

    @TempDir
    static Path dir;
    static Path labels;
    static Path braille;
    static Path trained;

    @BeforeAll
    static void compileAndTrain() throws Exception {
        labels = dir.resolve("demo.csv");
        Files.writeString(labels, "start_us,end_us,label\n1500000,2500000,motion\n3000000,3800000,speech\n"
                + "4400000,5600000,bearing_fault\n");
        braille = dir.resolve("braille.vigil");
        CliRun compile = CliRun.run("compile", BRAILLE.toString(), "--sensor", "audio", "--device", "fast", "-o", braille.toString());
        assertEquals(0, compile.exitCode(), compile.err());
        trained = dir.resolve("trained.vigil");
        CliRun train = CliRun.run("train", TestPaths.demoLog().toString(), "--labels", labels.toString(), "--model", braille.toString(),
                "-o", trained.toString(), "--epochs", "20");
        assertEquals(0, train.exitCode(), train.err());
        assertTrue(train.err().contains("vigil: audio: wake "), train.err());
    }

    private static CliRun replay(String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("replay", TestPaths.demoLog().toString(), "--max", "--no-mqtt"));
        args.addAll(List.of(more));
        return CliRun.run(args.toArray(String[]::new));
    }

    @Test
    void theBuiltInFrontEndAsABundleIsByteReproducibleAndRunsExactlyAsTheDefault() throws Exception {
        Path a = dir.resolve("builtin-a.vigil");
        Path b = dir.resolve("builtin-b.vigil");
        for (Path out : List.of(a, b)) {
            CliRun run = CliRun.run("compile", "--builtin", "--device", "fast", "--resolution", "128x96", "-o", out.toString());
            assertEquals(0, run.exitCode(), run.err());
            assertFalse(run.err().contains("sized for"), "sized for the demo camera's frame: " + run.err());
        }
        CliRun nominal = CliRun.run("compile", "--builtin", "--device", "fast", "-o", dir.resolve("nominal.vigil").toString());
        assertTrue(nominal.err().contains("the event camera's readouts are sized for a 346x260 frame; give --resolution WxH"),
                nominal.err());
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        CliRun builtIn = replay();
        CliRun fromFile = replay("--model", a.toString());
        assertEquals(0, fromFile.exitCode(), fromFile.err());
        assertEquals(3, builtIn.jsonLines().size(), builtIn.outLines().toString());
        assertEquals(DetectionLines.apartFromIds(builtIn.jsonLines()), DetectionLines.apartFromIds(fromFile.jsonLines()),
                "the same lanes through the same path: the same detections (ids are new each run)");
        assertTrue(fromFile.err().contains("using the model bundle " + a + " (lanes dvs, audio, vibration)"), fromFile.err());
    }

    @Test
    void aCompiledFrontEndExtendedByTrainLoadsInReplayEvalAndRun() throws Exception {
        ModelBundle read = BundleCodec.read(trained, ConfigLoader.defaults());
        BundleLane audio = read.lane(Sensor.AUDIO).orElseThrow();
        assertEquals(BundleCodec.read(braille, ConfigLoader.defaults()).lanes().getFirst().frontEnd(), audio.frontEnd(),
                "train keeps the compiled front end");
        assertEquals(List.of("bearing_fault", "motion", "speech", "background"), audio.head().model().labels());
        assertEquals(7 * 4, audio.head().model().inputs(), "the head reads the 7 readouts of 4 windows");
        assertEquals(List.of("dvs", "audio", "vibration"), read.lanes().stream().map(l -> l.sensor().label()).toList());
        assertEquals(List.of("nir", "front-end", "log", "labels"), read.provenance().sources().stream().map(s -> s.role()).toList());

        CliRun replay = replay("--model", trained.toString());
        assertEquals(0, replay.exitCode(), replay.err());
        assertTrue(replay.err().contains("using the trained model bundle (seed 7, lanes dvs, audio, vibration) from " + trained), replay.err());
        assertTrue(replay.err().contains("lane audio: front end 'braille_noDelay_bias_zero' (input 12, 7 readouts"), replay.err());
        assertNotEquals(DetectionLines.apartFromIds(replay().jsonLines()), DetectionLines.apartFromIds(replay.jsonLines()));

        Path json = dir.resolve("eval.json");
        CliRun eval = CliRun.run("eval", TestPaths.demoLog().toString(), "--labels", labels.toString(), "--model", trained.toString(),
                "--json", json.toString());
        assertEquals(0, eval.exitCode(), eval.err());
        assertTrue(Files.readString(json).contains("\"model\" : \"trained (seed 7)\""), Files.readString(json));

        Path live = dir.resolve("live.yaml");
        Files.writeString(live, "sources:\n  - driver: synth\n");
        CliRun run = CliRun.run("run", "--config", live.toString(), "--no-mqtt", "--duration", "1.5", "--model", trained.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("lane audio: front end 'braille_noDelay_bias_zero'") && run.err().contains("Summary of live run"),
                run.err());
    }

    @Test
    void theConfigNamesABundlePerLaneOrOneForAllRelativeToItself() throws Exception {
        Path sub = Files.createDirectories(dir.resolve("deploy"));
        Files.copy(braille, sub.resolve("braille.vigil"));
        Files.copy(trained, sub.resolve("trained.vigil"));
        Path perLane = sub.resolve("per-lane.yaml");
        Files.writeString(perLane, "lanes:\n  audio:\n    model: braille.vigil\n");
        CliRun lane = replay("--config", perLane.toString());
        assertEquals(0, lane.exitCode(), lane.err());
        assertTrue(lane.err().contains("using the model bundle " + sub.resolve("braille.vigil") + " (lanes audio)"), lane.err());

        Path all = sub.resolve("all.yaml");
        Files.writeString(all, "model: trained.vigil\nlanes:\n  audio:\n    model: braille.vigil\n");
        CliRun both = replay("--config", all.toString());
        assertEquals(0, both.exitCode(), both.err());
        assertTrue(both.err().contains("using the model bundle " + sub.resolve("braille.vigil") + " (lanes audio)")
                && both.err().contains("using the trained model bundle (seed 7, lanes dvs, vibration) from " + sub.resolve("trained.vigil")),
                "lanes.audio.model wins for audio, model gives the rest: " + both.err());
        assertEquals(DetectionLines.apartFromIds(replay("--model", trained.toString()).jsonLines().stream()
                        .filter(l -> !l.contains("\"audio\"")).toList()),
                DetectionLines.apartFromIds(both.jsonLines().stream().filter(l -> !l.contains("\"audio\"")).toList()));

        Path wrong = sub.resolve("wrong.yaml");
        Files.writeString(wrong, "lanes:\n  dvs:\n    model: braille.vigil\n");
        CliRun refused = replay("--config", wrong.toString());
        assertEquals(1, refused.exitCode());
        assertEquals("vigil: error: lanes.dvs.model: " + sub.resolve("braille.vigil") + " holds no dvs lane (it holds: audio)",
                refused.err().strip());

        Path typo = sub.resolve("typo.yaml");
        Files.writeString(typo, "lanes:\n  audio:\n    modle: braille.vigil\n");
        CliRun unknown = replay("--config", typo.toString());
        assertEquals(1, unknown.exitCode());
        assertEquals("vigil: error: " + typo + ": unknown key 'lanes.audio.modle' (allowed here: model)", unknown.err().strip());
    }

    @Test
    void aBundleWithOneChangedByteIsRefusedNamingTheFile() throws Exception {
        byte[] bytes = Files.readAllBytes(trained);
        int at = new String(bytes, java.nio.charset.StandardCharsets.UTF_8).indexOf("\"weights\" : [ ") + 14;
        bytes[at] = (byte) (bytes[at] == '1' ? '2' : '1');
        Path changed = dir.resolve("changed.vigil");
        Files.write(changed, bytes);
        String refusal = "vigil: error: " + changed + ": changed since vigil wrote it, its SHA-256 does not match (edited or corrupt)";
        assertEquals(refusal, replay("--model", changed.toString()).err().strip());
        assertEquals(refusal, CliRun.run("eval", TestPaths.demoLog().toString(), "--labels", labels.toString(), "--model",
                changed.toString(), "--json", dir.resolve("x.json").toString()).err().strip());
        assertEquals(refusal, CliRun.run("train", TestPaths.demoLog().toString(), "--labels", labels.toString(), "--model",
                changed.toString(), "-o", dir.resolve("x.vigil").toString()).err().strip());
        CliRun run = CliRun.run("run", "--no-mqtt", "--duration", "1", "--model", changed.toString());
        assertEquals(1, run.exitCode());
        assertEquals(refusal, run.err().strip());
    }

    @Test
    void aFrontEndTheEncoderCannotFeedIsRefusedInOneLine() {
        Path asCamera = dir.resolve("braille-dvs.vigil");
        CliRun compile = CliRun.run("compile", BRAILLE.toString(), "--sensor", "dvs", "-o", asCamera.toString());
        assertEquals(0, compile.exitCode(), compile.err());
        String mismatch = "lane dvs: model 'braille_noDelay_bias_zero' takes input 12; the event-camera encoder gives polarity x H x W"
                + " (1 or 2 polarity planes): use a model whose input node has shape [2, H, W] or [1, H, W]";
        assertTrue(compile.err().contains("vigil: warning: " + mismatch), compile.err());
        CliRun replay = replay("--model", asCamera.toString());
        assertEquals(1, replay.exitCode());
        assertTrue(replay.err().strip().endsWith("\nvigil: error: " + mismatch), replay.err());
    }

    @Test
    void anOldCompileFolderIsRefusedWithTheCommandThatReplacesIt() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("braille.reference.bundle"));
        Files.writeString(folder.resolve("manifest.json"), "{}");
        CliRun replay = replay("--model", folder.toString());
        assertEquals(1, replay.exitCode());
        assertEquals("vigil: error: " + folder + " is the folder an older 'vigil compile' wrote (manifest.json, weights.bin); compile"
                + " the model again into one file: vigil compile MODEL.nir --sensor SENSOR -o MODEL.vigil", replay.err().strip());
    }
}
