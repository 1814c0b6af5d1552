package dev.vigil.tests;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A bundle from `vigil train` drives `vigil replay --model`: its wake thresholds and heads replace the built-in ones. */
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
    void missingBundleIsAOneLineError(@TempDir Path dir) {
        CliRun run = CliRun.run("replay", TestPaths.demoLog().toString(), "--no-mqtt", "--model", dir.resolve("no.json").toString());
        assertEquals(1, run.exitCode());
        assertEquals("vigil: error: model bundle not found: " + dir.resolve("no.json"), run.err().strip());
    }
}
