package dev.vigil.tests.dense;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.drivers.onnx.OnnxDenseDevice;
import dev.vigil.runtime.config.ConfigLoader;
import dev.vigil.runtime.config.VigilConfig;
import dev.vigil.runtime.dense.ExternalModel;
import dev.vigil.runtime.dense.FloatExecutor;
import dev.vigil.runtime.hal.reference.ReferenceDevice;
import dev.vigil.runtime.pipeline.Detection;
import dev.vigil.runtime.pipeline.LaneStats;
import dev.vigil.runtime.pipeline.Pipeline;
import dev.vigil.runtime.pipeline.RunSummary;
import dev.vigil.sensors.Batch;
import dev.vigil.sensors.SampleBatch;
import dev.vigil.sensors.StreamKind;
import dev.vigil.sensors.features.LogMel;
import dev.vigil.sensors.features.LogMelSettings;
import dev.vigil.sensors.features.SampleRing;
import dev.vigil.sensors.replay.ReplayClock;
import dev.vigil.sensors.vlog.VlogReader;
import dev.vigil.tests.CliRun;
import dev.vigil.tests.TestPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The keyword-spotter fixture exported from PyTorch (scripts/export_onnx_fixture.py; the device gives
 * PyTorch's logits to 1e-5 on its inputs, OnnxDenseDeviceTest) as the dense stage of {@code vigil
 * replay} on the demo log's audio: each audio detection carries the label and probability of the
 * model on the log-mel frames of the second of audio up to the wake, computed here apart from the
 * pipeline; a missing or wrong model is refused in one line naming it.
 */
class OnnxDenseReplayTest {
    private static final Path FIXTURES = TestPaths.root().resolve("runtime/onnx/src/test/resources/dev/vigil/drivers/onnx");
    private static final Path MODEL = FIXTURES.resolve("kws-fixture.onnx");
    private static final List<String> LABELS = List.of("yes", "no", "speech", "background");

    private static String config(Path model) {
        return "dense:\n  device: onnx\n  model: " + model + "\n  labels: [" + String.join(", ", LABELS) + "]\n";
    }

    @Test
    void replayLabelsAudioWakesWithTheOnnxModelOnLogMelOfTheWokenSecond(@TempDir Path dir) throws Exception {
        VigilConfig config = ConfigLoader.parse(config(MODEL), "test");
        List<Detection> detections = new ArrayList<>();
        RunSummary summary;
        try (VlogReader reader = new VlogReader(TestPaths.demoLog())) {
            summary = new Pipeline(config, new ReferenceDevice(), detections::add).run(reader, ReplayClock.asFastAsPossible());
        }
        for (LaneStats lane : summary.lanes()) {
            assertEquals(lane.wake().wakes(), lane.dense().runs(), lane.sensor() + ": the dense stage runs once per wake");
        }
        List<Detection> audio = detections.stream().filter(d -> d.sensor().equals("audio")).toList();
        assertFalse(audio.isEmpty(), "the demo log's speech wakes the audio lane");
        for (Detection d : audio) {
            float[] logits = expectedLogits(d.deviceTimeUs());
            int best = 0;
            double sum = 0;
            for (int i = 1; i < logits.length; i++) {
                best = logits[i] > logits[best] ? i : best;
            }
            for (float l : logits) {
                sum += Math.exp(l - logits[best]);
            }
            assertEquals(LABELS.get(best), d.label(), d.toString());
            assertEquals(1 / sum, d.score(), 0.5e-4 + 1e-6, "detections carry the probability to 4 decimals: " + d);
        }
        List<String> other = detections.stream().filter(d -> !d.sensor().equals("audio")).map(Detection::label).toList();
        assertFalse(other.stream().anyMatch(LABELS::contains), "lanes other than audio keep their int8 heads: " + other);

        Path cfg = Files.writeString(dir.resolve("onnx.yaml"), config(MODEL));
        CliRun run = CliRun.run("replay", TestPaths.demoLog().toString(), "--max", "--no-mqtt", "--config", cfg.toString());
        assertEquals(0, run.exitCode(), run.err());
        List<String> cliAudio = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : run.jsonLines()) {
            JsonNode n = json.readTree(line);
            if (n.path("sensor").asText().equals("audio")) {
                cliAudio.add(n.path("label").asText() + " " + n.path("score").asDouble());
            }
        }
        assertEquals(audio.stream().map(d -> d.label() + " " + d.score()).toList(), cliAudio);
    }

    /**
     * The demo log's one audio wake is "speech" at 0.37 to the fixture: with {@code speech: 0.99} it gives way to the
     * best of the labels without an accept score.
     */
    @Test
    void acceptScoresInTheConfigPublishADoubtfulResultAsTheBestLabelWithoutOne(@TempDir Path dir) throws Exception {
        double accept = 0.99;
        String scored = "speech";
        VigilConfig config = ConfigLoader.parse(config(MODEL) + "  accept-scores: {" + scored + ": " + accept + "}\n", "test");
        List<Detection> detections = new ArrayList<>();
        try (VlogReader reader = new VlogReader(TestPaths.demoLog())) {
            new Pipeline(config, new ReferenceDevice(), detections::add).run(reader, ReplayClock.asFastAsPossible());
        }
        List<Detection> audio = detections.stream().filter(d -> d.sensor().equals("audio")).toList();
        assertFalse(audio.isEmpty(), "the demo log's speech wakes the audio lane");
        int givenWay = 0;
        int without = LABELS.indexOf(scored);
        for (Detection d : audio) {
            float[] logits = expectedLogits(d.deviceTimeUs());
            int best = argMax(logits, -1);
            int answer = best != without || probability(logits, best) >= accept ? best : argMax(logits, without);
            givenWay += answer != best ? 1 : 0;
            assertEquals(LABELS.get(answer), d.label(), d.toString());
            assertEquals(probability(logits, answer), d.score(), 0.5e-4 + 1e-6, d.toString());
        }
        assertTrue(givenWay > 0, "some arg-max " + scored + " on the demo log is under " + accept + ": " + audio);

        Path cfg = Files.writeString(dir.resolve("typo.yaml"), config(MODEL) + "  accept-scores: {Yes: 0.5}\n");
        CliRun run = CliRun.run("replay", TestPaths.demoLog().toString(), "--max", "--no-mqtt", "--config", cfg.toString());
        assertEquals(1, run.exitCode(), run.err());
        List<String> errors = run.err().lines().filter(l -> l.startsWith("vigil: error: ")).toList();
        assertEquals(1, errors.size(), run.err());
        assertTrue(errors.getFirst().startsWith("vigil: error: dense.accept-scores.Yes: 'Yes' is not a label of any running lane's head"
                + " (labels: [") && errors.getFirst().contains("yes"), errors.getFirst());
    }

    /**
     * With {@code dense.runs-per-wake: 3} a wake scores the newest second and the seconds ending 100 and 200 ms
     * earlier, and answers from their mean probabilities, each computed apart here.
     */
    @Test
    void severalRunsPerWakeAnswerFromTheMeanProbabilitiesOfSpansASpacingApart() throws Exception {
        VigilConfig config = ConfigLoader.parse(config(MODEL) + "  runs-per-wake: 3\n  run-spacing-ms: 100\n", "test");
        List<Detection> detections = new ArrayList<>();
        RunSummary summary;
        try (VlogReader reader = new VlogReader(TestPaths.demoLog())) {
            summary = new Pipeline(config, new ReferenceDevice(), detections::add).run(reader, ReplayClock.asFastAsPossible());
        }
        List<Detection> audio = detections.stream().filter(d -> d.sensor().equals("audio")).toList();
        assertFalse(audio.isEmpty(), "the demo log's speech wakes the audio lane");
        for (Detection d : audio) {
            double[] mean = new double[LABELS.size()];
            for (int k = 0; k < 3; k++) {
                float[] logits = expectedLogits(d.deviceTimeUs(), k * 1_600);
                for (int i = 0; i < mean.length; i++) {
                    mean[i] += probability(logits, i) / 3;
                }
            }
            int best = 0;
            for (int i = 1; i < mean.length; i++) {
                best = mean[i] > mean[best] ? i : best;
            }
            assertEquals(LABELS.get(best), d.label(), d.toString());
            assertEquals(mean[best], d.score(), 0.5e-4 + 1e-5, d.toString());
        }
        long audioRuns = summary.lanes().stream().filter(l -> l.sensor().equals("audio")).mapToLong(l -> l.dense().runs()).sum();
        assertEquals(3L * audio.size(), audioRuns, "each span scored is one dense run");
        assertTrue(refusalOf("  runs-per-wake: 0\n").contains("dense.runs-per-wake = 0 is refused: must be between 1 and 8"));
        assertTrue(refusalOf("  run-spacing-ms: 5\n").contains("dense.run-spacing-ms = 5.0 is refused: must be between 10 and 500 ms"));
    }

    private static String refusalOf(String denseLines) {
        try {
            ConfigLoader.parse(config(MODEL) + denseLines, "test");
            return "accepted";
        } catch (Exception e) {
            return e.getMessage();
        }
    }

    /** Index of the largest logit, leaving out index {@code skip} (-1: none). */
    private static int argMax(float[] logits, int skip) {
        int best = -1;
        for (int i = 0; i < logits.length; i++) {
            if (i != skip && (best < 0 || logits[i] > logits[best])) {
                best = i;
            }
        }
        return best;
    }

    private static double probability(float[] logits, int of) {
        double sum = 0;
        for (float l : logits) {
            sum += Math.exp(l - logits[of]);
        }
        return 1 / sum;
    }

    /** The fixture's logits on the log-mel frames of the second up to the end of the audio batch holding {@code timeUs}. */
    private static float[] expectedLogits(long timeUs) throws Exception {
        return expectedLogits(timeUs, 0);
    }

    /** The same for the second ending {@code earlier} samples before the end of that batch. */
    private static float[] expectedLogits(long timeUs, int earlier) throws Exception {
        SampleRing ring = null;
        LogMel logMel = null;
        try (VlogReader reader = new VlogReader(TestPaths.demoLog())) {
            Batch b;
            while ((b = reader.next()) != null) {
                if (b.stream().kind() != StreamKind.AUDIO || b.size() == 0) {
                    continue;
                }
                if (ring == null) {
                    LogMelSettings settings = LogMelSettings.keywordSpotting(b.stream().sampleRate());
                    logMel = new LogMel(settings);
                    ring = new SampleRing(settings.spanSamples() + earlier);
                }
                ring.append((SampleBatch) b, 0);
                if (b.lastTimeUs() >= timeUs) {
                    break;
                }
            }
        }
        float[] features = new float[40 * 98];
        logMel.compute(ring, ring.written() - earlier, features);
        float[] logits = new float[LABELS.size()];
        ExternalModel m = new ExternalModel("kws", MODEL, "", List.of(1, 1, 40, 98), "", LABELS);
        try (FloatExecutor e = new OnnxDenseDevice().load(m)) {
            e.run(features, logits);
        }
        return logits;
    }

    @Test
    void missingModelIsRefusedInOneLineNamingIt(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("no-such.onnx");
        Path cfg = Files.writeString(dir.resolve("missing.yaml"), config(missing));
        assertOneLineError(CliRun.run("replay", TestPaths.demoLog().toString(), "--max", "--no-mqtt", "--config", cfg.toString()),
                missing + ": ONNX model file not found");
    }

    @Test
    void modelWithTheWrongInputTypeIsRefusedInOneLineNamingIt(@TempDir Path dir) throws Exception {
        Path wrong = FIXTURES.resolve("wrong-dtype.onnx");
        Path cfg = Files.writeString(dir.resolve("wrong.yaml"), config(wrong));
        assertOneLineError(CliRun.run("replay", TestPaths.demoLog().toString(), "--max", "--no-mqtt", "--config", cfg.toString()),
                wrong + ": input 'log_mel' holds INT64");
    }

    private static void assertOneLineError(CliRun run, String mustContain) {
        assertEquals(1, run.exitCode(), run.err());
        String err = run.err().strip();
        List<String> errors = err.lines().filter(l -> l.startsWith("vigil: error: ")).toList();
        assertEquals(List.of("vigil: error: dense.model: " + mustContain), errors.stream().map(l -> l.substring(0,
                Math.min(l.length(), ("vigil: error: dense.model: " + mustContain).length()))).toList(), err);
        assertFalse(err.contains("Exception") || err.contains("\tat "), "no stack trace: " + err);
        assertTrue(run.outLines().isEmpty(), "nothing on stdout: " + run.outLines());
    }
}
