package dev.vigil.runtime.eval;

import dev.vigil.runtime.config.VigilConfig;
import dev.vigil.runtime.dense.DenseDevice;
import dev.vigil.runtime.dense.DenseStage;
import dev.vigil.runtime.dense.Int8Model;
import dev.vigil.runtime.hal.DoesNotFitException;
import dev.vigil.runtime.hal.NeuromorphicDevice;
import dev.vigil.runtime.learn.LabelInterval;
import dev.vigil.runtime.learn.LaneBundle;
import dev.vigil.runtime.learn.Labels;
import dev.vigil.runtime.learn.ModelBundle;
import dev.vigil.runtime.learn.WindowRecorder;
import dev.vigil.runtime.pipeline.Detection;
import dev.vigil.runtime.pipeline.LaneOverride;
import dev.vigil.runtime.pipeline.LaneStats;
import dev.vigil.runtime.pipeline.Pipeline;
import dev.vigil.runtime.pipeline.RunSummary;
import dev.vigil.sensors.SensorSource;
import dev.vigil.sensors.replay.ReplayClock;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code vigil eval}: replays a log with a trained bundle (or the built-in heads), and scores wakes and
 * detections against the labelled intervals: recall, precision, false wakes per hour of background,
 * latency from event onset, duty cycle, energy against running the dense stage on every window, and
 * NeuroBench-style synops, activation sparsity and footprint.
 */
public final class Evaluator {
    private static final int CALIBRATION_RUNS = 2_000;

    private Evaluator() {
    }

    /** Evaluates {@code source} (named {@code logName} in the report). */
    public static EvalReport evaluate(SensorSource source, String logName, VigilConfig config, NeuromorphicDevice front,
                                      DenseDevice dense, ModelBundle bundle, List<LabelInterval> labels, BoardPower board)
            throws IOException, DoesNotFitException, InterruptedException {
        WindowRecorder rec = new WindowRecorder();
        List<Detection> detections = new ArrayList<>();
        Pipeline p = new Pipeline(config, front, detections::add).observe(rec).denseOn(dense);
        if (bundle != null) {
            for (LaneBundle l : bundle.lanes()) {
                p.override(l.sensor(), new LaneOverride(l.wake(), l.head()));
            }
        }
        RunSummary run = p.run(source, ReplayClock.asFastAsPossible());
        long windowUs = config.window().lengthMs() * 1000L;
        List<LaneReport> lanes = new ArrayList<>();
        for (LaneStats st : run.lanes()) {
            WindowRecorder.LaneWindows w = rec.lanes().get(st.sensor());
            lanes.add(lane(st, w, detections, labels, windowUs, run.recordedUs(), dense, board));
        }
        return new EvalReport(logName, run.recordedUs() / 1e6, run.device(), dense.id(), board,
                bundle == null ? "built-in" : "trained (seed " + bundle.seed() + ")", lanes);
    }

    private static LaneReport lane(LaneStats st, WindowRecorder.LaneWindows w, List<Detection> all, List<LabelInterval> labels,
                                   long windowUs, long recordedUs, DenseDevice dense, BoardPower board) {
        String sensor = st.sensor();
        List<LabelInterval> mine = labels.stream().filter(l -> l.appliesTo(sensor)).toList();
        int detected = 0;
        List<Double> latencies = new ArrayList<>();
        for (LabelInterval iv : mine) {
            for (int i = 0; w != null && i < w.size(); i++) {
                long end = w.endUs(i);
                if (w.woke(i) && end > iv.startUs() && end <= iv.endUs() + windowUs) {
                    detected++;
                    latencies.add((end - iv.startUs()) / 1000.0);
                    break;
                }
            }
        }
        int falseWakes = 0;
        List<Double> falseTimes = new ArrayList<>();
        for (int i = 0; w != null && i < w.size(); i++) {
            long end = w.endUs(i);
            if (w.woke(i) && !overlapsAnyExtended(mine, end - windowUs, end, windowUs)) {
                falseWakes++;
                if (falseTimes.size() < 100) {
                    falseTimes.add(end / 1e6);
                }
            }
        }
        int dets = 0;
        int tp = 0;
        int labelOk = 0;
        for (Detection d : all) {
            if (!d.sensor().equals(sensor) || d.label().equals(Labels.BACKGROUND)) {
                continue;
            }
            dets++;
            for (LabelInterval iv : mine) {
                if (d.deviceTimeUs() > iv.startUs() && d.deviceTimeUs() <= iv.endUs() + windowUs) {
                    tp++;
                    labelOk += iv.label().equals(d.label()) ? 1 : 0;
                    break;
                }
            }
        }
        double bgHours = Math.max(0, recordedUs - union(mine)) / 3.6e9;
        double[] lat = latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double perRunS = calibrate(st, dense);
        double perRunJ = st.macsPerRun() * dense.joulesPerMac() + (dense.onHostCpu() ? perRunS * board.activeW() : 0);
        double salience = st.frontEnergyJ() + st.denseRuns() * perRunJ;
        double always = st.windows() * perRunJ;
        long updates = st.front().neuronUpdates();
        return new LaneReport(sensor, mine.size(), detected, mine.isEmpty() ? Double.NaN : (double) detected / mine.size(),
                dets, tp, dets == 0 ? Double.NaN : (double) tp / dets, tp == 0 ? Double.NaN : (double) labelOk / tp,
                st.wakes(), falseWakes, bgHours, bgHours == 0 ? Double.NaN : falseWakes / bgHours,
                percentile(lat, 0.5), percentile(lat, 0.99), st.windows(), st.denseRuns(), st.dutyCycle(),
                st.frontEnergyJ(), perRunJ, salience, always, salience == 0 ? Double.NaN : always / salience,
                st.front().synapticOps() + st.denseMacs(), st.windows() * st.macsPerRun(),
                updates == 0 ? Double.NaN : 1 - (double) st.front().outputSpikes() / updates, st.denseSparsity(),
                st.frontSynapses() + st.footprintBytes(), st.refusedWakes(),
                falseTimes.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** CPU seconds of one dense invocation of this lane's head on the host, 0 when it runs elsewhere. */
    private static double calibrate(LaneStats st, DenseDevice dense) {
        return dense.onHostCpu() ? timePerRun(st.head(), dense) : 0;
    }

    /** Median seconds per invocation of {@code model} on {@code dense}, over batches of runs on random counts. */
    public static double timePerRun(Int8Model model, DenseDevice dense) {
        DenseStage s = new DenseStage(model, dense);
        int[] t = new int[model.inputs()];
        java.util.SplittableRandom r = new java.util.SplittableRandom(1);
        double[] batches = new double[5];
        for (int b = 0; b < batches.length; b++) {
            long start = System.nanoTime();
            for (int i = 0; i < CALIBRATION_RUNS; i++) {
                t[i % t.length] = r.nextInt(64);
                s.run(t);
            }
            batches[b] = (System.nanoTime() - start) / 1e9 / CALIBRATION_RUNS;
        }
        Arrays.sort(batches);
        return batches[batches.length / 2];
    }

    private static boolean overlapsAnyExtended(List<LabelInterval> ivs, long from, long to, long tailUs) {
        for (LabelInterval iv : ivs) {
            if (from < iv.endUs() + tailUs && to > iv.startUs()) {
                return true;
            }
        }
        return false;
    }

    private static long union(List<LabelInterval> ivs) {
        long total = 0;
        long curStart = Long.MIN_VALUE;
        long curEnd = Long.MIN_VALUE;
        List<LabelInterval> sorted = new ArrayList<>(ivs);
        sorted.sort((a, b) -> Long.compare(a.startUs(), b.startUs()));
        for (LabelInterval iv : sorted) {
            if (iv.startUs() > curEnd) {
                total += curEnd - curStart;
                curStart = iv.startUs();
                curEnd = iv.endUs();
            } else {
                curEnd = Math.max(curEnd, iv.endUs());
            }
        }
        return sorted.isEmpty() ? 0 : total + curEnd - curStart;
    }

    private static double percentile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }
}
