package dev.vigil.runtime.eval;

import dev.vigil.runtime.bundle.ModelBundle;
import dev.vigil.runtime.bundle.TrainingOptions;
import dev.vigil.runtime.config.VigilConfig;
import dev.vigil.runtime.dense.DenseDevice;
import dev.vigil.runtime.dense.DenseStage;
import dev.vigil.runtime.dense.Int8Model;
import dev.vigil.runtime.hal.DoesNotFitException;
import dev.vigil.runtime.hal.NeuromorphicDevice;
import dev.vigil.runtime.learn.LabelInterval;
import dev.vigil.runtime.learn.WindowRecorder;
import dev.vigil.runtime.pipeline.CpuClock;
import dev.vigil.runtime.pipeline.Detection;
import dev.vigil.runtime.pipeline.LaneStats;
import dev.vigil.runtime.pipeline.Pipeline;
import dev.vigil.runtime.pipeline.RunSummary;
import dev.vigil.sensors.SensorSource;
import dev.vigil.sensors.replay.ReplayClock;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * {@code vigil eval}: replays a log with a trained bundle (or the built-in heads), and scores wakes and
 * detections against the labelled intervals ({@link LaneScore} defines targets, distractors, background
 * and what counts as published): event recall and wake recall, precision, false wakes per hour of
 * background, distractor wakes and how many the dense stage rejected, latency from event onset, duty cycle,
 * energy against running the dense stage on every window, and NeuroBench-style synops, activation
 * sparsity and footprint.
 */
public final class Evaluator {
    private static final int CALIBRATION_RUNS = 2_000;
    private static final long CALIBRATION_BATCH_MS = 200;

    private Evaluator() {
    }

    /**
     * Evaluates {@code source} (named {@code logName} in the report).
     *
     * @param negatives labels that mark distractors rather than events (see {@link LaneScore})
     */
    public static EvalReport evaluate(SensorSource source, String logName, VigilConfig config, NeuromorphicDevice front,
                                      DenseDevice dense, ModelBundle bundle, List<LabelInterval> labels, Set<String> negatives,
                                      BoardPower board)
            throws IOException, DoesNotFitException, InterruptedException {
        WindowRecorder rec = new WindowRecorder();
        List<Detection> detections = new ArrayList<>();
        Pipeline p = new Pipeline(config, front, detections::add).use(bundle).observe(rec).denseOn(dense);
        RunSummary run = p.run(source, ReplayClock.asFastAsPossible());
        Map<String, long[]> wakeEnds = new LinkedHashMap<>();
        rec.lanes().forEach((sensor, w) -> wakeEnds.put(sensor,
                IntStream.range(0, w.size()).filter(w::woke).mapToLong(w::endUs).toArray()));
        return score(run, wakeEnds, detections, logName, config, dense, bundle, labels, negatives, board);
    }

    /**
     * Scores a finished run (named {@code logName} in the report): its lanes' figures, the end times of each
     * lane's waking windows and every dense result, against {@code labels}; with no labels, the energy and
     * NeuroBench-style figures still hold.
     */
    public static EvalReport score(RunSummary run, Map<String, long[]> wakeEndsUs, List<Detection> detections, String logName,
                                   VigilConfig config, DenseDevice dense, ModelBundle bundle, List<LabelInterval> labels,
                                   Set<String> negatives, BoardPower board) {
        long windowUs = config.window().lengthMs() * 1000L;
        long hopUs = config.window().hopMs() * 1000L;
        List<LaneReport> lanes = new ArrayList<>();
        List<LaneSweep> sweeps = new ArrayList<>();
        for (LaneStats st : run.lanes()) {
            long[] wakeEnds = wakeEndsUs.getOrDefault(st.sensor(), new long[0]);
            lanes.add(lane(st, wakeEnds, detections, labels, negatives, windowUs, hopUs, run.recordedUs(), dense, board));
            List<LabelInterval> mine = labels.stream().filter(l -> l.appliesTo(st.sensor())).toList();
            List<Detection> results = detections.stream().filter(d -> d.sensor().equals(st.sensor())).toList();
            sweeps.add(LaneSweep.of(st.sensor(),
                    LaneOutcomes.of(wakeEnds, results, mine, negatives, windowUs, run.recordedUs()).curve()));
        }
        return new EvalReport(logName, run.recordedUs() / 1e6, run.device(), dense.id(), board,
                describe(bundle), new ArrayList<>(new TreeSet<>(negatives)), lanes, sweeps);
    }

    /** How the report names the model: built-in, trained (with its seed) or the bundle's lanes. */
    private static String describe(ModelBundle bundle) {
        if (bundle == null) {
            return "built-in";
        }
        TrainingOptions t = bundle.provenance().training();
        return t != null ? "trained (" + t.describeSeeds() + ")" : "bundle (lanes " + bundle.sensors() + ")";
    }

    private static LaneReport lane(LaneStats st, long[] wakeEnds, List<Detection> all, List<LabelInterval> labels,
                                   Set<String> negatives, long windowUs, long hopUs, long recordedUs, DenseDevice dense,
                                   BoardPower board) {
        String sensor = st.sensor();
        List<LabelInterval> mine = labels.stream().filter(l -> l.appliesTo(sensor)).toList();
        List<Detection> results = all.stream().filter(d -> d.sensor().equals(sensor)).toList();
        LaneScore sc = LaneScore.of(wakeEnds, results, mine, negatives, windowUs, recordedUs);
        double bgHours = sc.backgroundUs() / 3.6e9;
        LaneEnergy priced = LaneEnergy.of(st, hopUs, recordedUs / 1e6, dense, board);
        EnergyBreakdown energy = priced.breakdown();
        double perRunJ = priced.denseJPerRun();
        double salience = energy.wakeOnSalienceJ();
        double always = energy.alwaysDenseJ();
        long updates = st.front().counts().neuronUpdates();
        return new LaneReport(sensor, sc.events(), sc.detectedEvents(), ratio(sc.detectedEvents(), sc.events()),
                sc.wokenEvents(), ratio(sc.wokenEvents(), sc.events()), sc.published(), sc.truePositives(), sc.precision(),
                ratio(sc.labelMatches(), sc.truePositives()), sc.publishedOnDistractor(), sc.publishedOnBackground(),
                st.wake().wakes(), sc.falseWakes(), bgHours, bgHours == 0 ? Double.NaN : sc.falseWakes() / bgHours,
                sc.distractorEvents(), sc.distractorWakes(), sc.distractorRuns(), sc.distractorRejected(),
                ratio(sc.distractorRejected(), sc.distractorRuns()), sc.distractorRuns() * perRunJ,
                percentile(sc.detectionLatenciesMs(), 0.5), percentile(sc.detectionLatenciesMs(), 0.99),
                percentile(sc.wakeLatenciesMs(), 0.5), percentile(sc.wakeLatenciesMs(), 0.99),
                st.wake().windows(), st.dense().runs(), st.dutyCycle(),
                st.front().energyJ(), perRunJ, salience, always, salience == 0 ? Double.NaN : always / salience,
                st.front().counts().synapticOps() + st.dense().macs(), st.wake().windows() * st.dense().macsPerRun(),
                updates == 0 ? Double.NaN : 1 - (double) st.front().counts().outputSpikes() / updates, st.dense().sparsity(),
                st.front().synapses() + st.dense().footprintBytes(), st.wake().refused(), sc.falseWakeTimesS(), energy);
    }

    private static double ratio(int a, int b) {
        return b == 0 ? Double.NaN : (double) a / b;
    }

    /**
     * Median CPU seconds per invocation of {@code model} on {@code dense}, over 5 batches of runs on random
     * counts (a batch ends after 2,000 runs or {@value #CALIBRATION_BATCH_MS} ms, so a large head is timed on
     * fewer runs).
     */
    public static double timePerRun(Int8Model model, DenseDevice dense) {
        DenseStage s = new DenseStage(model, dense);
        int[] t = new int[model.inputs()];
        java.util.SplittableRandom r = new java.util.SplittableRandom(1);
        double[] batches = new double[5];
        for (int b = 0; b < batches.length; b++) {
            long start = CpuClock.nanos();
            long until = start + CALIBRATION_BATCH_MS * 1_000_000L;
            int runs = 0;
            do {
                t[runs % t.length] = r.nextInt(64);
                s.run(t);
                runs++;
            } while (runs < CALIBRATION_RUNS && CpuClock.nanos() < until);
            batches[b] = (CpuClock.nanos() - start) / 1e9 / runs;
        }
        Arrays.sort(batches);
        return batches[batches.length / 2];
    }

    private static double percentile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }
}
