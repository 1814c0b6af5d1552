package dev.vigil.tests.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.bench.KeywordHeads;
import dev.vigil.runtime.cli.VigilCli;
import dev.vigil.runtime.dense.CpuDenseDevice;
import dev.vigil.runtime.eval.BoardPower;
import dev.vigil.runtime.eval.Evaluator;
import dev.vigil.tests.TestPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 16, acceptance 5: wake-on-salience against always-dense with a keyword dense model, encoders and
 * features counted, on a Raspberry Pi 4 B's power profile. The keyword log of {@link RealRecordingsEvalTest}
 * (keywords and speech in real noise) is trained on and evaluated with the ONNX keyword fixture as the dense
 * stage on log-mel computed on wake; {@code vigil eval} measures every part. The same run is then priced with
 * the DS-CNN-like int8 keyword head ({@link KeywordHeads}, 32 channels, 6.3 M MACs) in the fixture's place:
 * its host CPU time per inference, calibrated here, replaces the fixture's in both totals, every other part
 * as measured. Both tables go to {@code tests/target/energy-keyword.txt}.
 */
class KeywordEnergyTest {
    private static final Path FIXTURE = TestPaths.root().resolve("runtime/onnx/src/test/resources/dev/vigil/drivers/onnx/kws-fixture.onnx");
    private static final String BOARD = "pi4b";

    @TempDir
    Path dir;

    @Test
    void wakeOnSalienceAgainstAlwaysDenseWithEncoderAndFeaturesCounted() throws Exception {
        float[] noise = RealRecordings.wav("audio/speechcommands_noise_1000ms_tflm.wav");
        float[] speech = RealRecordings.wav("audio/librispeech_i_tell_you_alif.wav");
        float[] yes = RealRecordings.wav("audio/speechcommands_yes_1000ms_tflm.wav");
        float[] no = RealRecordings.wav("audio/speechcommands_no_1000ms_tflm.wav");
        float[] four = RealRecordings.wav("audio/speechcommands_yes_no_go_stop_alif.wav");
        float[][] words = {yes, no, java.util.Arrays.copyOfRange(four, 32_000, 48_000)};
        int split = RealRecordingsEvalTest.SPEECH_SPLIT;
        Path train = RealRecordingsEvalTest.audio(noise, java.util.Arrays.copyOfRange(speech, 0, split), words, 3).write(dir, "train");
        Path eval = RealRecordingsEvalTest.audio(noise, java.util.Arrays.copyOfRange(speech, split, speech.length), words, 4)
                .write(dir, "eval");
        String sensors = "sensors:\n  dvs:\n    enabled: false\n  vibration:\n    enabled: false\n";
        Path trainConfig = Files.writeString(dir.resolve("train.yaml"), sensors);
        Path bundle = dir.resolve("kws.model.json");
        assertEquals(0, VigilCli.execute("train", train.toString(), "--labels", dir.resolve("train.csv").toString(), "--config",
                trainConfig.toString(), "-o", bundle.toString(), "--windows", "4", "--post-windows", "16", "--negative", "speech"));
        Path config = Files.writeString(dir.resolve("onnx.yaml"), sensors + "dense:\n  device: onnx\n  model: " + FIXTURE
                + "\n  labels: [yes, no, speech, background]\n");
        Path json = dir.resolve("eval.json");
        String table = eval(eval, config, bundle, json);
        JsonNode lane = new ObjectMapper().readTree(json.toFile()).path("lanes").get(0);
        assertEquals("audio", lane.path("sensor").asText());

        Map<String, Double> wake = parts(lane.path("energy").path("wakeOnSalience"));
        Map<String, Double> always = parts(lane.path("energy").path("alwaysDense"));
        assertEquals(List.of("front-dynamic", "front-static", "encoder", "features", "dense", "dense-static"), List.copyOf(wake.keySet()));
        assertEquals(List.of("features", "dense", "dense-static"), List.copyOf(always.keySet()));
        double recordedS = new ObjectMapper().readTree(json.toFile()).path("recordedS").asDouble();
        assertEquals(0.029 * recordedS, wake.get("front-static"), 0.01 * 0.029 * recordedS, "Loihi's idle power over the run");
        assertTrue(wake.get("encoder") > 0 && wake.get("features") > 0 && always.get("features") > 0, wake + " " + always);
        assertEquals(sum(wake), lane.path("wakeOnSalienceJ").asDouble(), 1e-9 * sum(wake));
        assertEquals(sum(always), lane.path("alwaysDenseJ").asDouble(), 1e-9 * sum(always));
        long windows = lane.path("windows").asLong();
        long runs = lane.path("denseRuns").asLong();
        double perRunJ = lane.path("denseJPerRun").asDouble();
        assertEquals(windows * perRunJ, always.get("dense"), 1e-9 * always.get("dense"), "always-dense runs the model on every window");
        assertEquals(runs * perRunJ, wake.get("dense"), 1e-9 * always.get("dense"));

        BoardPower board = BoardPower.of(BOARD).orElseThrow();
        StringBuilder out = new StringBuilder(table);
        for (int channels : new int[] {32, 64}) {
            double dsCnnS = Evaluator.timePerRun(KeywordHeads.dsCnn(channels, 5), new CpuDenseDevice());
            double dsCnnJ = dsCnnS * board.activeW();
            double wakeDs = sum(wake) - wake.get("dense") + runs * dsCnnJ;
            double alwaysDs = sum(always) - always.get("dense") + windows * dsCnnJ;
            out.append(String.format(Locale.ROOT, "%nthe same run with the DS-CNN-like int8 head (%d channels, %,d MACs) in the"
                            + " fixture's place: %.1f µs of host CPU per inference (calibrated), %.3g J per inference at %.2f W (%s"
                            + " loaded minus idle)%n", channels, KeywordHeads.dsCnn(channels, 5).macs(), dsCnnS * 1e6, dsCnnJ,
                    board.activeW(), board.name()));
            out.append(String.format(Locale.ROOT, "  %d windows, %d dense runs; wake-on-salience %.4g J (front %.4g J, its static"
                            + " power %.4g J, encoder %.4g J, features %.4g J, dense %.4g J); always-dense %.4g J (features %.4g J,"
                            + " dense %.4g J); ratio %.2fx%n", windows, runs, wakeDs, wake.get("front-dynamic"), wake.get("front-static"),
                    wake.get("encoder"), wake.get("features"), runs * dsCnnJ, alwaysDs, always.get("features"), windows * dsCnnJ,
                    alwaysDs / wakeDs));
            assertTrue(alwaysDs / wakeDs > lane.path("energyRatio").asDouble(),
                    "a head of more work than the fixture weighs more on always-dense than on wake-on-salience: " + out);
        }
        Path target = TestPaths.root().resolve("tests/target/energy-keyword.txt");
        Files.createDirectories(target.getParent());
        Files.writeString(target, out.toString());
        System.out.println(out);
    }

    private String eval(Path log, Path config, Path bundle, Path json) throws Exception {
        PrintStream old = System.out;
        ByteArrayOutputStream table = new ByteArrayOutputStream();
        int code;
        System.setOut(new PrintStream(table, true, StandardCharsets.UTF_8));
        try {
            code = VigilCli.execute("eval", log.toString(), "--labels", dir.resolve("eval.csv").toString(), "--config",
                    config.toString(), "--model", bundle.toString(), "--board", BOARD, "--sweep", "--json", json.toString());
        } finally {
            System.setOut(old);
        }
        assertEquals(0, code);
        return table.toString(StandardCharsets.UTF_8);
    }

    private static Map<String, Double> parts(JsonNode parts) {
        Map<String, Double> m = new LinkedHashMap<>();
        parts.forEach(p -> m.put(p.path("part").asText(), p.path("joules").asDouble()));
        return m;
    }

    private static double sum(Map<String, Double> parts) {
        return parts.values().stream().mapToDouble(Double::doubleValue).sum();
    }
}
