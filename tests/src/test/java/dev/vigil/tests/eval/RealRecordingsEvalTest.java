package dev.vigil.tests.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.runtime.cli.VigilCli;
import dev.vigil.sensors.StreamKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Acceptance 2 on real recordings: logs are built from the shared WAV and MAT files with events at
 * known offsets, {@code vigil train} runs on one part and {@code vigil eval} on another part made
 * from different clips or different stretches of the recordings. The table is written to
 * {@code target/eval-<name>.txt}; the assertions check the figures the issue sets where they are met.
 */
class RealRecordingsEvalTest {
    /**
     * Seconds per part; {@code -Dvigil.eval.part-s=10800} gives 3 hours of each for false-wake figures (no
     * false wake in 3 h bounds the rate at about 1 per hour with 95 % confidence). By default the
     * backgrounds are short recordings looped, so long parts show the detector stays quiet over hours, not
     * that it copes with hours of varied real background; {@link #VARIED} builds them varied.
     */
    private static final double PART_S = Double.parseDouble(System.getProperty("vigil.eval.part-s", "240"));
    /**
     * How the backgrounds are built: {@code looped} (default: the clip looped with crossfades, what the
     * assertions were set on) or {@code varied} ({@link MixtureLog#varied}: splices at random offsets and
     * gains with a second clip mixed under them), as {@code -Dvigil.eval.background=varied}.
     */
    private static final boolean VARIED = switch (System.getProperty("vigil.eval.background", "looped")) {
        case "looped" -> false;
        case "varied" -> true;
        default -> throw new IllegalArgumentException("vigil.eval.background is looped or varied, not "
                + System.getProperty("vigil.eval.background"));
    };
    /**
     * The audio lane's spikes in the keyword cases: {@code default} (the built-in front end as configured
     * by default: the adaptive-floor filterbank, 20 ms smoothing) or {@code rise-fall} (the delta
     * filterbank with 10 ms smoothing, the default before), as {@code -Dvigil.eval.audio-spikes=rise-fall}.
     */
    private static final String AUDIO_YAML = switch (System.getProperty("vigil.eval.audio-spikes", "default")) {
        case "default", "above-floor" -> "";
        case "rise-fall" -> "  audio:\n    spikes: rise-fall\n    smoothing-ms: 10\n";
        default -> throw new IllegalArgumentException("vigil.eval.audio-spikes is default or rise-fall, not "
                + System.getProperty("vigil.eval.audio-spikes"));
    };
    /** The vibration lane's spikes in the bearing case, as {@code -Dvigil.eval.vibration-spikes=rise-fall} (default: the default, above-floor). */
    private static final String VIBRATION_SPIKES = System.getProperty("vigil.eval.vibration-spikes", "above-floor");
    /**
     * The shaft speed the bearing case configures, Hz ({@code -Dvigil.eval.shaft-hz=0}: unknown, so the
     * envelope encoder gives impact spikes only, as a fresh config does).
     */
    private static final String SHAFT_HZ = System.getProperty("vigil.eval.shaft-hz", "29.95");
    @TempDir
    Path dir;

    private JsonNode trainAndEval(String name, MixtureLog train, MixtureLog eval, String yaml, String... trainOptions) throws Exception {
        return trainAndEval(name, train.write(dir, name + "-train"), eval.write(dir, name + "-eval"), yaml, trainOptions);
    }

    private JsonNode trainAndEval(String name, Path trainLog, Path evalLog, String yaml, String... trainOptions) throws Exception {
        Path config = dir.resolve(name + ".yaml");
        Files.writeString(config, yaml);
        Path bundle = dir.resolve(name + ".model.json");
        List<String> train = new ArrayList<>(List.of("train", trainLog.toString(), "--labels", dir.resolve(name + "-train.csv").toString(),
                "--config", config.toString(), "-o", bundle.toString()));
        train.addAll(List.of(trainOptions));
        assertEquals(0, VigilCli.execute(train.toArray(String[]::new)));
        Path json = dir.resolve(name + ".eval.json");
        PrintStream old = System.out;
        ByteArrayOutputStream table = new ByteArrayOutputStream();
        int code;
        System.setOut(new PrintStream(table, true, StandardCharsets.UTF_8));
        try {
            code = VigilCli.execute("eval", evalLog.toString(), "--labels", dir.resolve(name + "-eval.csv").toString(),
                    "--config", config.toString(), "--model", bundle.toString(), "--json", json.toString());
        } finally {
            System.setOut(old);
        }
        assertEquals(0, code);
        String text = table.toString(StandardCharsets.UTF_8);
        Path target = Path.of(System.getProperty("vigil.root", "..")).resolve("tests/target/eval-" + name + ".txt");
        Files.createDirectories(target.getParent());
        Files.writeString(target, text + "\nbundle:\n" + Files.readString(bundle).lines().filter(l -> l.contains("spikes") || l.contains("\"examples\"") || l.contains(" : ") && l.contains("background")).reduce("", (a, b) -> a + b + "\n"));
        old.println(text);
        old.println(Files.readString(json));
        return new ObjectMapper().readTree(json.toFile()).path("lanes").get(0);
    }

    /** Acceptance 4's rate, whole wakes only: none in the 240 s CI parts, at most 3 in a 3-hour part. */
    private static void assertAtMostOneFalseWakePerHour(JsonNode lane) {
        double hours = lane.path("backgroundHours").asDouble();
        assertTrue(lane.path("falseWakes").asInt() <= Math.floor(hours), lane.path("falseWakes") + " false wakes in " + hours + " h");
    }

    private static float[] slice(float[] s, int from, int to) {
        return Arrays.copyOfRange(s, from, to);
    }

    @Test
    void keywordsMixedIntoBackgroundNoise() throws Exception {
        float[] noise = RealRecordings.wav("audio/speechcommands_noise_1000ms_tflm.wav");
        float[] yes = RealRecordings.wav("audio/speechcommands_yes_1000ms_tflm.wav");
        float[] no = RealRecordings.wav("audio/speechcommands_no_1000ms_tflm.wav");
        float[] four = RealRecordings.wav("audio/speechcommands_yes_no_go_stop_alif.wav");
        float[][] trainWords = {yes, no, slice(four, 32_000, 48_000)};
        float[][] evalWords = {slice(four, 0, 16_000), slice(four, 16_000, 32_000), slice(four, 48_000, 64_000)};
        JsonNode lane = trainAndEval("audio-noise", audio(noise, null, trainWords, 1), audio(noise, null, evalWords, 2),
                "sensors:\n  dvs:\n    enabled: false\n  vibration:\n    enabled: false\n" + AUDIO_YAML, KEYWORD_TRAINING);
        assertEquals(keywordCount(), lane.path("events").asInt());
        assertTrue(lane.path("recall").asDouble() >= 0.95, "recall " + lane.path("recall"));
        assertAtMostOneFalseWakePerHour(lane);
        assertTrue(lane.path("dutyCycle").asDouble() <= 0.1, "the dense stage runs on at most a tenth of the windows: "
                + lane.path("dutyCycle") + " (the energy ratio with the encoder and static power counted: " + lane.path("energyRatio") + ")");
    }

    /**
     * The harder case: non-keyword speech (LibriSpeech) in the background, labelled {@code speech} and
     * named a negative label. The band-energy wake rule cannot tell a keyword from other speech, so it is
     * fitted on plain background only and speech wakes it too; the dense stage, trained with speech as a
     * reject class and reading the windows before and after the wake, must keep those wakes from being
     * published. Training and evaluation hear different keyword clips and different halves of the sentence
     * ("I tell you it is" / "not poison she cried"), so no audio of the evaluation part is learnt. The
     * issue sets no precision target; the table reports it, with the share of speech wakes the head rejected.
     */
    @Test
    void keywordsMixedIntoBackgroundNoiseAndSpeech() throws Exception {
        float[] noise = RealRecordings.wav("audio/speechcommands_noise_1000ms_tflm.wav");
        float[] speech = RealRecordings.wav("audio/librispeech_i_tell_you_alif.wav");
        float[] yes = RealRecordings.wav("audio/speechcommands_yes_1000ms_tflm.wav");
        float[] no = RealRecordings.wav("audio/speechcommands_no_1000ms_tflm.wav");
        float[] four = RealRecordings.wav("audio/speechcommands_yes_no_go_stop_alif.wav");
        assertEquals(59_600, speech.length, "SOURCES.md: 3.725 s at 16 kHz");
        float[][] trainWords = {yes, no, slice(four, 32_000, 48_000)};
        float[][] evalWords = {slice(four, 0, 16_000), slice(four, 16_000, 32_000), slice(four, 48_000, 64_000)};
        MixtureLog train = audio(noise, slice(speech, 0, SPEECH_SPLIT), trainWords, 3);
        MixtureLog eval = audio(noise, slice(speech, SPEECH_SPLIT, speech.length), evalWords, 4);
        JsonNode lane = trainAndEval("audio-speech", train, eval, "sensors:\n  dvs:\n    enabled: false\n  vibration:\n    enabled: false\n" + AUDIO_YAML,
                with(KEYWORD_TRAINING, "--negative", "speech"));
        assertEquals("audio", lane.path("sensor").asText());
        assertEquals(keywordCount(), lane.path("events").asInt());
        assertEquals(distractorCount(), lane.path("distractors").asInt());
        assertAtMostOneFalseWakePerHour(lane);
        assertTrue(lane.path("distractorWakes").asInt() > 0, "speech wakes the band-energy rule, as the case is built to show");
        assertTrue(lane.path("distractorRejected").asInt() > 0, "the dense stage rejects some of those wakes");
        assertTrue(lane.path("recall").asDouble() >= 0.95, "event recall " + lane.path("recall"));
        assertTrue(lane.path("dutyCycle").asDouble() <= 0.1, "the dense stage runs on at most a tenth of the windows: "
                + lane.path("dutyCycle") + " (the energy ratio with the encoder and static power counted: " + lane.path("energyRatio") + ")");
    }

    /** Where the sentence is split between training and evaluation: the pause after "is", at 1.88 s. */
    static final int SPEECH_SPLIT = 30_080;
    /**
     * Training options of the keyword cases: the head reads 1 s, as keyword spotters do (Speech Commands
     * clips are 1 s): 4 windows of 50 ms up to the wake and 16 after it.
     */
    static final String[] KEYWORD_TRAINING = {"--windows", "4", "--post-windows", "16"};

    /**
     * PART_S seconds: the noise looped at half gain, or with {@link #VARIED} a varied background (the noise
     * clip forwards and backwards and the silence clip, spliced and mixed) at half gain; a distractor (labelled {@code speech}) every 45 s from 30 s unless
     * null; a keyword every 15 s (skipping the distractors), the words in turn, each word at gains 1, 0.7 and
     * 0.5 in turn.
     */
    static MixtureLog audio(float[] noise, float[] speech, float[][] words, long seed) {
        MixtureLog m = VARIED
                ? MixtureLog.varied(StreamKind.AUDIO, 16_000, PART_S, new float[][] {noise, reversed(noise), silence()}, 0.5, seed)
                : new MixtureLog(StreamKind.AUDIO, 16_000, PART_S, noise, 0.5);
        for (double t = 30; speech != null && t + 4 < PART_S; t += 45) {
            m.add(t, speech, 0.5, "speech");
        }
        int k = 0;
        double[] gains = {1.0, 0.7, 0.5};
        for (double t = 5; t + 1 < PART_S; t += 15) {
            if (Math.abs((t - 30) % 45) < 4.5) {
                t += 5;
            }
            m.add(t, words[k % words.length], gains[(k / words.length) % gains.length], "keyword");
            k++;
        }
        return m;
    }

    private static String[] with(String[] options, String... more) {
        List<String> all = new ArrayList<>(List.of(options));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    private static int distractorCount() {
        int n = 0;
        for (double t = 30; t + 4 < PART_S; t += 45) {
            n++;
        }
        return n;
    }

    @Test
    void bearingFaultsAgainstAHealthyMachine() throws Exception {
        double[] healthy48k = RealRecordings.mat("vibration/cwru_X097_normal_0hp.mat", "X097_DE_time");
        double[] inner = RealRecordings.mat("vibration/cwru_X105_inner007_0hp_12kDE.mat", "X105_DE_time");
        double[] ball = RealRecordings.mat("vibration/cwru_X118_ball007_0hp_12kDE.mat", "X118_DE_time");
        assertEquals(243_938, healthy48k.length, "SOURCES.md");
        assertEquals(121_265, inner.length, "SOURCES.md");
        float[] healthy = new float[healthy48k.length / 4];
        for (int i = 0; i < healthy.length; i++) {
            healthy[i] = (float) ((healthy48k[4 * i] + healthy48k[4 * i + 1] + healthy48k[4 * i + 2] + healthy48k[4 * i + 3]) / 4);
        }
        int hh = healthy.length / 2;
        MixtureLog train = vibration(slice(healthy, 0, hh), toFloat(inner, 0, inner.length / 2), toFloat(ball, 0, ball.length / 2), 5);
        MixtureLog eval = vibration(slice(healthy, hh, healthy.length), toFloat(inner, inner.length / 2, inner.length),
                toFloat(ball, ball.length / 2, ball.length), 6);
        JsonNode lane = trainAndEval("vibration", train, eval, """
                sensors:
                  dvs:
                    enabled: false
                  audio:
                    enabled: false
                  vibration:
                    spikes: %s
                    envelope:
                      shaft-hz: %s
                """.formatted(VIBRATION_SPIKES, SHAFT_HZ));
        assertEquals((int) Math.ceil((PART_S - 8) / 12), lane.path("events").asInt());
        assertTrue(lane.path("recall").asDouble() >= 0.95, "recall " + lane.path("recall"));
        assertTrue(lane.path("dutyCycle").asDouble() <= 0.1, "the dense stage runs on at most a tenth of the windows: "
                + lane.path("dutyCycle") + " (the energy ratio with the encoder and static power counted: " + lane.path("energyRatio") + ")");
    }

    /**
     * Motion against a still scene: trained on the Prophesee DAT and EVT3 crops, evaluated on the
     * DAVIS346 AEDAT4 and N-MNIST recordings (other cameras, other scenes), inserted 20 times into half a
     * part of a still scene (120 s by default: every 6 s) with 0.05 Hz per pixel of background activity
     * and two hot pixels. A longer part spaces the same 20 insertions out, so the extra time is all
     * still scene: background for the false-wake figure.
     */
    @Test
    void motionAgainstAStillScene() throws Exception {
        long[][] dat = DvsMixture.read("event-camera/prophesee_dat2_expelliarmus.dat");
        long[][] evt3 = DvsMixture.read("event-camera/prophesee_gen41_evt3_small_expelliarmus.raw");
        long[][] davis = DvsMixture.read("event-camera/davis346_aestream_example.aedat4");
        long[][] nmnist = DvsMixture.read("event-camera/nmnist_tonic_sample.bin");
        assertEquals(4407, dat.length, "SOURCES.md");
        assertEquals(117_667, davis.length, "SOURCES.md");
        double seconds = PART_S / 2;
        double spacing = seconds / 20;
        DvsMixture train = new DvsMixture(seconds, 0.05, 1);
        DvsMixture eval = new DvsMixture(seconds, 0.05, 2);
        for (int k = 0; k < 20; k++) {
            double t = spacing / 2 + k * spacing;
            train.insert(t, k % 2 == 0 ? dat : evt3, "motion");
            eval.insert(t, k % 2 == 0 ? davis : nmnist, "motion");
        }
        JsonNode lane = trainAndEval("dvs", train.write(dir, "dvs-train"), eval.write(dir, "dvs-eval"),
                "sensors:\n  audio:\n    enabled: false\n  vibration:\n    enabled: false\n  dvs:\n    filter:\n"
                        + "      hot-pixel-window-ms: 100\n      hot-pixel-max-events: 5\n      background-us: 5000\n");
        assertEquals(20, lane.path("events").asInt());
        assertTrue(lane.path("dutyCycle").asDouble() <= 0.1, "the dense stage runs on at most a tenth of the windows: "
                + lane.path("dutyCycle") + " (the energy ratio with the encoder and static power counted: " + lane.path("energyRatio") + ")");
        assertTrue(lane.path("recall").asDouble() >= 0.95, "recall " + lane.path("recall"));
    }

    private static int keywordCount() {
        int k = 0;
        for (double t = 5; t + 1 < PART_S; t += 15) {
            if (Math.abs((t - 30) % 45) < 4.5) {
                t += 5;
            }
            k++;
        }
        return k;
    }

    /** {@code clip} backwards: noise of the same spectrum that is not the same stretch again. */
    private static float[] reversed(float[] clip) {
        float[] r = new float[clip.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = clip[clip.length - 1 - i];
        }
        return r;
    }

    /** The Speech Commands silence clip (a quiet room), mixed into the audio background. */
    private static float[] silence() {
        try {
            return RealRecordings.wav("audio/speechcommands_silence_1000ms_tflm.wav");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** {@code s} cut into three clips, so the background splices different stretches of the machine. */
    private static float[][] thirds(float[] s) {
        int t = s.length / 3;
        return new float[][] {slice(s, 0, t), slice(s, t, 2 * t), slice(s, 2 * t, s.length)};
    }

    private static float[] toFloat(double[] d, int from, int to) {
        float[] f = new float[to - from];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) d[from + i];
        }
        return f;
    }

    /** PART_S seconds of healthy vibration (looped, or with {@link #VARIED} three stretches of it spliced and mixed) with a 2 s stretch of a faulty bearing every 12 s, inner race and ball in turn. */
    private static MixtureLog vibration(float[] healthy, float[] inner, float[] ball, long seed) {
        MixtureLog m = VARIED ? MixtureLog.varied(StreamKind.VIBRATION, 12_000, PART_S, thirds(healthy), 1.0, seed)
                : new MixtureLog(StreamKind.VIBRATION, 12_000, PART_S, healthy, 1.0);
        int k = 0;
        for (double t = 6; t + 2 < PART_S; t += 12) {
            float[] src = k % 2 == 0 ? inner : ball;
            int from = (k / 2 * 3_001) % (src.length - 24_000);
            m.replace(t, slice(src, from, from + 24_000), 1.0, "bearing_fault");
            k++;
        }
        return m;
    }
}
