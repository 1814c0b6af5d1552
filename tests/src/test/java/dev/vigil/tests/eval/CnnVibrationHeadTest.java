package dev.vigil.tests.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.runtime.bundle.BundleCodec;
import dev.vigil.runtime.bundle.BundleLane;
import dev.vigil.runtime.bundle.DenseHead;
import dev.vigil.runtime.bundle.ModelBundle;
import dev.vigil.runtime.cli.VigilCli;
import dev.vigil.runtime.config.Sensor;
import dev.vigil.runtime.config.ConfigLoader;
import dev.vigil.runtime.dense.DenseDevices;
import dev.vigil.runtime.dense.DenseExecutor;
import dev.vigil.runtime.dense.Int8Model;
import dev.vigil.sensors.StreamKind;
import dev.vigil.sensors.features.SpanFeatures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Acceptance 4 of issue 16: {@code vigil train --head cnn} fits an int8 1-D CNN over the vibration lane's
 * envelope and magnitude spectra on the first half of each shared CWRU recording (healthy, inner race
 * 0.007", ball 0.007", drive end, 0 hp) and names the fault class on the second halves, which training
 * never read. Two views of the same bundle: {@code vigil eval} on a mixture (faults spliced into the healthy
 * machine, the head run where the wake rule fires, as in {@code vigil replay}), and the head alone on
 * {@value #EVENTS_PER_CLASS} events per class cut from the unseen halves at random points (healthy included,
 * which the wake rule would not run the head on), scored by the int8 model on the golden CPU device exactly
 * as the pipeline runs it. The per-class table goes to {@code tests/target/cnn-vibration.txt}.
 */
class CnnVibrationHeadTest {
    /** Events per class for the head-alone table. */
    static final int EVENTS_PER_CLASS = 100;
    /** Seconds of each mixture. */
    static final double PART_S = 240;
    static final String CONFIG = """
            sensors:
              dvs:
                enabled: false
              audio:
                enabled: false
              vibration:
                envelope:
                  enabled: true
                  shaft-hz: 29.95
            """;

    @TempDir
    Path dir;

    /** Healthy, inner race and ball recordings, each split into a first half (training) and a second (evaluation). */
    private record Halves(float[][] train, float[][] eval) {
        static Halves ofRecordings() throws java.io.IOException {
            float[][] all = {healthy(), toFloat(RealRecordings.mat("vibration/cwru_X105_inner007_0hp_12kDE.mat", "X105_DE_time")),
                    toFloat(RealRecordings.mat("vibration/cwru_X118_ball007_0hp_12kDE.mat", "X118_DE_time"))};
            Halves h = new Halves(new float[3][], new float[3][]);
            for (int c = 0; c < 3; c++) {
                h.train[c] = Arrays.copyOfRange(all[c], 0, all[c].length / 2);
                h.eval[c] = Arrays.copyOfRange(all[c], all[c].length / 2, all[c].length);
            }
            return h;
        }
    }

    /** The config and the training and evaluation mixtures (labels beside them) every test reads, in {@code dir}. */
    private record Logs(Halves halves, Path config, Path train, Path eval) {
        static Logs write(Path dir) throws java.io.IOException {
            Halves halves = Halves.ofRecordings();
            return new Logs(halves, Files.writeString(dir.resolve("vibration.yaml"), CONFIG), mixture(halves.train(), 11).write(dir, "train"),
                    mixture(halves.eval(), 12).write(dir, "eval"));
        }
    }

    /** {@code vigil eval} of {@code bundle} on {@code evalLog} with its JSON report's lane, and what it printed. */
    private record Evaluated(JsonNode lane, String printed) {
    }

    private Evaluated evaluate(Path evalLog, Path config, Path bundle, String name) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream old = System.out;
        Path json = dir.resolve(name + ".json");
        int code;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            code = VigilCli.execute("eval", evalLog.toString(), "--labels", dir.resolve("eval.csv").toString(), "--config", config.toString(),
                    "--model", bundle.toString(), "--json", json.toString());
        } finally {
            System.setOut(old);
        }
        assertEquals(0, code);
        return new Evaluated(new ObjectMapper().readTree(json.toFile()).path("lanes").get(0), out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void namesTheBearingFaultOnStretchesTrainingNeverSaw() throws Exception {
        Logs logs = Logs.write(dir);
        float[][] eval = logs.halves().eval();
        Path config = logs.config();
        Path trainLog = logs.train();
        Path evalLog = logs.eval();
        Path bundle = dir.resolve("cnn.vigil");
        String[] trainArgs = {"train", trainLog.toString(), "--labels", dir.resolve("train.csv").toString(), "--config", config.toString(),
                "--head", "cnn", "--post-windows", "8", "-o", bundle.toString()};
        long t0 = System.nanoTime();
        assertEquals(0, VigilCli.execute(trainArgs));
        double trainS = (System.nanoTime() - t0) / 1e9;

        ModelBundle b = BundleCodec.read(bundle, ConfigLoader.defaults());
        BundleLane lane = b.lane(Sensor.VIBRATION).orElseThrow();
        DenseHead head = lane.head();
        assertEquals(DenseHead.VIBRATION_SPECTRA, head.view());
        assertEquals(java.util.List.of("ball", "inner_race", "background"), head.model().labels());

        StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
                "head %s: %s, %,d MACs, %,d bytes; trained in %.1f s%n%nhead alone, %d events per class at random points of"
                        + " the unseen halves:%n%-10s %8s %8s %8s %8s%n", head.model().name(), head.model().layers().size() + " layers",
                head.model().macs(), head.model().footprintBytes(), trainS, EVENTS_PER_CLASS, "truth", "healthy", "inner", "ball", "accuracy"));
        String[] names = {"healthy", "inner", "ball"};
        String[] labels = {"background", "inner_race", "ball"};
        double worst = 1;
        SpanFeatures view = head.extractor();
        float[] values = new float[view.size()];
        int[] input = new int[head.model().inputs()];
        int[] logits = new int[head.model().labels().size()];
        DenseExecutor cpu = DenseDevices.find("cpu").orElseThrow().load(head.model());
        SplittableRandom rnd = new SplittableRandom(99);
        for (int c = 0; c < 3; c++) {
            int[] said = new int[3];
            for (int e = 0; e < EVENTS_PER_CLASS; e++) {
                int end = view.spanSamples() + rnd.nextInt(eval[c].length - view.spanSamples());
                view.compute(Arrays.copyOfRange(eval[c], end - view.spanSamples(), end), values);
                head.features().scale().quantise(values, values.length, input);
                cpu.run(input, logits);
                String label = head.model().labels().get(argmax(logits));
                said[Arrays.asList(labels).indexOf(label)]++;
            }
            double accuracy = said[c] / (double) EVENTS_PER_CLASS;
            worst = Math.min(worst, accuracy);
            table.append(String.format(Locale.ROOT, "%-10s %8d %8d %8d %8.3f%n", names[c], said[0], said[1], said[2], accuracy));
        }

        Evaluated evaluated = evaluate(evalLog, config, bundle, "eval");
        JsonNode l = evaluated.lane();
        table.append(String.format(Locale.ROOT, "%nvigil eval on the unseen mixture (%d fault events, inner race and ball in turn):%n"
                        + "recall %.3f, label accuracy %.3f, precision %.3f, false wakes %d%n%n%s", l.path("events").asInt(),
                l.path("recall").asDouble(), l.path("labelAccuracy").asDouble(), l.path("precision").asDouble(), l.path("falseWakes").asInt(),
                evaluated.printed()));
        Path target = Path.of(System.getProperty("vigil.root", "..")).resolve("tests/target/cnn-vibration.txt");
        Files.createDirectories(target.getParent());
        Files.writeString(target, table.toString());
        System.out.println(table);
        assertTrue(worst >= 0.95, "per-class accuracy of the head alone on unseen stretches:\n" + table);
        assertTrue(l.path("recall").asDouble() >= 0.95, "event recall with the right fault named:\n" + table);
    }

    /**
     * With {@code --false-accepts-per-hour}, a fifth of the fault stretches and background windows are held out to
     * choose the fault labels' accept score: the bundle records the budget, any accept score is a probability on a
     * fault label only, and the head trained on the rest still names the faults of the unseen mixture.
     */
    @Test
    void aHeldOutAcceptScoreFitKeepsTheFaultsNamed() throws Exception {
        Logs logs = Logs.write(dir);
        Path bundle = dir.resolve("fit.vigil");
        assertEquals(0, VigilCli.execute("train", logs.train().toString(), "--labels", dir.resolve("train.csv").toString(), "--config",
                logs.config().toString(), "--head", "cnn", "--post-windows", "8", "--false-accepts-per-hour", "0.5", "-o", bundle.toString()));
        ModelBundle b = BundleCodec.read(bundle, ConfigLoader.defaults());
        assertEquals(0.5, b.provenance().training().falseAcceptsPerHour());
        java.util.Map<String, Double> scores = b.lane(Sensor.VIBRATION).orElseThrow().head().acceptScores();
        if (scores != null) {
            assertTrue(java.util.List.of("ball", "inner_race").containsAll(scores.keySet()), "fault labels only: " + scores);
            assertTrue(scores.values().stream().allMatch(v -> v > 0 && v <= 1), scores.toString());
        }
        JsonNode l = evaluate(logs.eval(), logs.config(), bundle, "fit").lane();
        assertTrue(l.path("recall").asDouble() >= 0.95, "event recall with accept scores " + scores + ": " + l);
    }

    /**
     * {@code vigil train --seed 7,8} bundles one head per seed as an ensemble: its first model is the head {@code --seed 7}
     * trains, its further one the head {@code --seed 8} trains (byte for byte, named for the seed), the provenance keeps
     * both seeds, and the ensemble names the faults of the unseen mixture. Seeds repeated, or several for an MLP head,
     * are refused at start.
     */
    @Test
    void anEnsembleOfSeedsHoldsEachSeedsHeadAndNamesTheFaults() throws Exception {
        Logs logs = Logs.write(dir);
        java.util.Map<String, DenseHead> heads = new java.util.LinkedHashMap<>();
        for (String seeds : java.util.List.of("7", "8", "7,8")) {
            Path bundle = dir.resolve("seeds-" + seeds + ".vigil");
            assertEquals(0, VigilCli.execute("train", logs.train().toString(), "--labels", dir.resolve("train.csv").toString(), "--config",
                    logs.config().toString(), "--head", "cnn", "--post-windows", "8", "--seed", seeds, "-o", bundle.toString()));
            ModelBundle b = BundleCodec.read(bundle, ConfigLoader.defaults());
            heads.put(seeds, b.lane(Sensor.VIBRATION).orElseThrow().head());
            if (seeds.equals("7,8")) {
                assertEquals(java.util.List.of(8L), b.provenance().training().ensembleSeeds());
            }
        }
        DenseHead ensemble = heads.get("7,8");
        assertEquals(heads.get("7").model(), ensemble.model(), "the first model is seed 7's head");
        assertEquals(1, ensemble.ensemble().size());
        assertEquals(heads.get("8").model().layers(), ensemble.ensemble().getFirst().layers(), "the second is seed 8's head");
        assertEquals("vibration-cnn-seed8", ensemble.ensemble().getFirst().name());
        assertEquals(null, heads.get("7").ensemble(), "one seed, one model");
        JsonNode l = evaluate(logs.eval(), logs.config(), dir.resolve("seeds-7,8.vigil"), "ensemble").lane();
        assertTrue(l.path("recall").asDouble() >= 0.95 && l.path("labelAccuracy").asDouble() >= 0.95, "the ensemble names the faults: " + l);

        java.io.StringWriter err = new java.io.StringWriter();
        picocli.CommandLine cli = VigilCli.commandLine();
        cli.setErr(new java.io.PrintWriter(err));
        int repeated = cli.execute("train", logs.train().toString(), "--labels", dir.resolve("train.csv").toString(), "--head", "cnn",
                "--seed", "7,7", "-o", dir.resolve("x.vigil").toString());
        assertTrue(repeated != 0 && err.toString().contains("--seed 7,7: give each seed once"), err.toString());
        int mlp = cli.execute("train", logs.train().toString(), "--labels", dir.resolve("train.csv").toString(), "--seed", "7,8",
                "-o", dir.resolve("x.vigil").toString());
        assertTrue(mlp != 0 && err.toString().contains("--seed 7,8: several seeds train an ensemble of CNN heads; add --head cnn"),
                err.toString());
    }

    private static int argmax(int[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    /** The healthy drive end, recorded at 48 kHz, averaged down by 4 to the fault files' 12 kHz. */
    private static float[] healthy() throws java.io.IOException {
        double[] h = RealRecordings.mat("vibration/cwru_X097_normal_0hp.mat", "X097_DE_time");
        float[] out = new float[h.length / 4];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) ((h[4 * i] + h[4 * i + 1] + h[4 * i + 2] + h[4 * i + 3]) / 4);
        }
        return out;
    }

    private static float[] toFloat(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }

    /**
     * {@value #PART_S} s of the healthy stretch looped, with a 2 s stretch of a faulty bearing every 12 s from 6 s,
     * inner race and ball in turn, each from a different offset of its recording.
     */
    private static MixtureLog mixture(float[][] parts, long seed) {
        MixtureLog m = new MixtureLog(StreamKind.VIBRATION, 12_000, PART_S, parts[0], 1.0);
        SplittableRandom rnd = new SplittableRandom(seed);
        int k = 0;
        for (double t = 6; t + 2 < PART_S; t += 12) {
            float[] src = parts[1 + k % 2];
            int from = rnd.nextInt(src.length - 24_000);
            m.replace(t, Arrays.copyOfRange(src, from, from + 24_000), 1.0, k % 2 == 0 ? "inner_race" : "ball");
            k++;
        }
        return m;
    }
}
