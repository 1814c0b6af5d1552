package dev.vigil.tests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * The built-in audio lane on the Xylo-class device: on real speech it detects what the fast device detects with the
 * same subtractive reset (its 16-bit state never saturates there), and a config that keeps the default reset is
 * refused at start naming the key to change.
 */
class XyloLaneTest {
    private static final String AUDIO_ONLY = "sensors:\n  dvs:\n    enabled: false\n  vibration:\n    enabled: false\n";
    private static final Path SPEECH = TestPaths.shared().resolve("data/audio/librispeech_i_tell_you_alif.wav");

    @Test
    void realSpeechWakesTheLaneAsOnTheFastDevice(@TempDir Path dir) throws Exception {
        List<String> onXylo = detections(dir, "xylo");
        List<String> onFast = detections(dir, "fast");
        assertFalse(onXylo.isEmpty(), "the speech wakes the lane");
        assertEquals(onFast, onXylo);
    }

    @Test
    void evalPricesItsStaticPowerAtXyloAudio3sMeasuredIdle(@TempDir Path dir) throws Exception {
        Path labels = speechLabels(dir);
        for (String device : List.of("xylo", "fast")) {
            Path json = dir.resolve(device + ".json");
            CliRun run = CliRun.run("eval", SPEECH.toString(), "--labels", labels.toString(), "--config", subtracting(dir, device).toString(),
                    "--json", json.toString());
            assertEquals(0, run.exitCode(), run.err());
            JsonNode report = new ObjectMapper().readTree(json.toFile());
            JsonNode frontStatic = null;
            for (JsonNode p : report.path("lanes").get(0).path("energy").path("wakeOnSalience")) {
                if (p.path("part").asText().equals("front-static")) {
                    frontStatic = p;
                }
            }
            assertTrue(frontStatic != null, report.toString());
            double seconds = report.path("recordedS").asDouble();
            double watts = device.equals("xylo") ? 629.5e-6 : 0.029;
            assertEquals(watts * seconds, frontStatic.path("joules").asDouble(), 1e-3 * watts * seconds, device + ": over the run");
            assertTrue(frontStatic.path("source").asText().contains(device.equals("xylo") ? "XyloAudio 3" : "Loihi"),
                    frontStatic.toString());
        }
    }

    @Test
    void theDefaultResetIsRefusedNamingTheKey(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("zero.yaml");
        Files.writeString(config, AUDIO_ONLY + "device:\n  id: xylo\n");
        Path speech = TestPaths.shared().resolve("data/audio/speechcommands_yes_1000ms_tflm.wav");
        CliRun run = CliRun.run("replay", speech.toString(), "--max", "--no-mqtt", "--config", config.toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("does not fit device 'xylo'") && run.err().contains("set network.reset: subtract"), run.err());
    }

    @Test
    void aBundleTrainedWithTheDefaultResetIsRefusedSayingToTrainItAgain(@TempDir Path dir) throws Exception {
        Path zero = Files.writeString(dir.resolve("zero.yaml"), AUDIO_ONLY);
        Path bundle = dir.resolve("zero.vigil");
        CliRun train = CliRun.run("train", SPEECH.toString(), "--labels", speechLabels(dir).toString(), "--config", zero.toString(),
                "-o", bundle.toString());
        assertEquals(0, train.exitCode(), train.err());
        CliRun run = CliRun.run("replay", SPEECH.toString(), "--max", "--no-mqtt", "--config", subtracting(dir, "xylo").toString(),
                "--model", bundle.toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("reset to zero") && run.err().contains("train it again with that setting"), run.err());
    }

    /** An audio-only config with its front end on {@code device}, the readouts resetting by subtraction. */
    private static Path subtracting(Path dir, String device) throws Exception {
        return Files.writeString(dir.resolve(device + ".yaml"), AUDIO_ONLY + "device:\n  id: " + device
                + "\nnetwork:\n  reset: subtract\n");
    }

    /** The speech recording's one labelled interval. */
    private static Path speechLabels(Path dir) throws Exception {
        return Files.writeString(dir.resolve("speech.csv"), "start_us,end_us,label\n500000,2500000,speech\n");
    }

    /** Each detection's time, lane, label, score and spike counts on the speech recording, as {@link #subtracting} runs it. */
    private static List<String> detections(Path dir, String device) throws Exception {
        CliRun run = CliRun.run("replay", SPEECH.toString(), "--max", "--no-mqtt", "--config", subtracting(dir, device).toString());
        assertEquals(0, run.exitCode(), run.err());
        ObjectMapper json = new ObjectMapper();
        List<String> out = new ArrayList<>();
        for (String line : run.jsonLines()) {
            JsonNode d = json.readTree(line);
            out.add(d.path("device_time_us").asText() + " " + d.path("sensor").asText() + " " + d.path("label").asText() + " "
                    + d.path("score").asText() + " " + d.path("counts"));
        }
        return out;
    }
}
