package dev.vigil.runtime.learn;

import dev.vigil.runtime.bundle.BundleLane;
import dev.vigil.runtime.bundle.DenseHead;
import dev.vigil.runtime.bundle.FeatureSpec;
import dev.vigil.runtime.bundle.ModelBundle;
import dev.vigil.runtime.bundle.Provenance;
import dev.vigil.runtime.bundle.TrainingOptions;
import dev.vigil.runtime.config.DenseConfig;
import dev.vigil.runtime.config.VigilConfig;
import dev.vigil.runtime.config.WakeConfig;
import dev.vigil.runtime.config.WakeRule;
import dev.vigil.runtime.dense.Int8Model;
import dev.vigil.runtime.hal.DoesNotFitException;
import dev.vigil.runtime.hal.NeuromorphicDevice;
import dev.vigil.runtime.network.FeatureShape;
import dev.vigil.runtime.pipeline.LaneModels;
import dev.vigil.runtime.pipeline.Pipeline;
import dev.vigil.sensors.SensorSource;
import dev.vigil.sensors.StreamDescriptor;
import dev.vigil.sensors.features.SpanFeatures;
import dev.vigil.sensors.replay.ReplayClock;
import org.tinylog.Logger;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code vigil train}: replays a log through the front end, records every window's readout counts,
 * labels them from the sidecar intervals, and per lane with target labels fits the wake threshold
 * ({@link WakeFit}) and the dense head ({@link HeadTrainer}). The head's classes are the lane's target
 * labels, then its negative (distractor) labels as reject classes, then {@code background}; it is
 * trained on tensors laid out as the lane hands them over at a wake (pre-trigger, waking and
 * post-trigger windows); every labelled example is also learnt at half and a quarter of its counts.
 * Deterministic: the same log, labels, config and options give the same bundle,
 * byte for byte.
 */
public final class Trainer {
    /** Background examples kept per lane: the highest-count (hardest) windows, at least this many. */
    static final int MIN_BACKGROUND = 50;
    /** Labelled examples are also learnt at their counts shifted right by 1 .. this many bits. */
    static final int WEAKER_SHIFTS = 2;

    private Trainer() {
    }

    /**
     * What training gave.
     *
     * @param bundle   the front ends' bundle with the trained lanes in place (or added)
     * @param examples per trained lane, the examples per class its head learned from
     */
    public record Result(ModelBundle bundle, Map<String, Map<String, Integer>> examples) {
        public Result {
            examples = Collections.unmodifiableMap(new LinkedHashMap<>(examples));
        }
    }

    /**
     * Trains on {@code source} the lanes it runs: those of {@code frontEnds} (null: none) for their
     * sensors, the built-in ones for the others. The bundle returned holds {@code frontEnds}' lanes with
     * the trained ones in place (or added), and {@code provenance} with {@code o}.
     *
     * @throws IllegalArgumentException when no lane has labelled events to learn from
     */
    public static Result train(SensorSource source, VigilConfig config, NeuromorphicDevice device, ModelBundle frontEnds,
                                    List<LabelInterval> labels, TrainingOptions o, Provenance provenance)
            throws IOException, DoesNotFitException, InterruptedException {
        VigilConfig frontOnly = config.withDense(new DenseConfig(false, config.dense().device()));
        WindowRecorder rec = new WindowRecorder();
        Map<String, BundleLane> ran = new LinkedHashMap<>();
        Map<String, StreamDescriptor> streams = new LinkedHashMap<>();
        for (StreamDescriptor s : source.streams()) {
            LaneModels.laneFor(s, config, frontEnds, device.capabilities().id()).ifPresent(l -> {
                ran.putIfAbsent(l.sensor().label(), l);
                streams.putIfAbsent(l.sensor().label(), s);
            });
        }
        List<Integer> taped = o.cnn() ? streams.values().stream().filter(s -> FeatureExamples.specFor(s) != null)
                .map(StreamDescriptor::id).toList() : List.of();
        SampleTape tape = new SampleTape(source, taped);
        new Pipeline(frontOnly, device, d -> { }).use(frontEnds).observe(rec).run(tape.source(), ReplayClock.asFastAsPossible());
        long windowUs = config.window().lengthMs() * 1000L;
        long guardUs = o.guardMs() * 1000L;
        int preTriggerMs = (o.windows() - 1) * config.window().hopMs();
        int postTriggerMs = o.postWindows() * config.window().hopMs();
        Set<String> negatives = Set.copyOf(o.negatives());
        int span = o.windows() + o.postWindows();
        ModelBundle out = frontEnds != null ? frontEnds.with(provenance.trained(o)) : new ModelBundle(List.of(), provenance.trained(o));
        Map<String, Map<String, Integer>> trained = new LinkedHashMap<>();
        for (Map.Entry<String, WindowRecorder.LaneWindows> e : rec.lanes().entrySet()) {
            String sensor = e.getKey();
            WindowRecorder.LaneWindows lane = e.getValue();
            TreeSet<String> targets = new TreeSet<>();
            TreeSet<String> distractors = new TreeSet<>();
            labels.stream().filter(l -> l.appliesTo(sensor))
                    .forEach(l -> (negatives.contains(l.label()) ? distractors : targets).add(l.label()));
            if (targets.isEmpty() || lane.size() == 0) {
                Logger.info("train: lane {} has no labelled target events, left as configured", sensor);
                continue;
            }
            List<String> names = new ArrayList<>(targets);
            names.addAll(distractors);
            names.add(Labels.BACKGROUND);
            BundleLane front = ran.get(sensor);
            WakeConfig wake = WakeFit.fit(lane, sensor, labels, negatives, windowUs, guardUs, front.wake(),
                    preTriggerMs, postTriggerMs);
            List<HeadTrainer.Example> examples = new ArrayList<>();
            Map<String, Integer> perClass = new LinkedHashMap<>();
            List<Integer> background = new ArrayList<>();
            List<Integer> candidates = new ArrayList<>();
            int level = wakeLevel(wake);
            for (int i = 0; i < lane.size(); i++) {
                long end = lane.endUs(i);
                long last = lane.endUs(Math.min(lane.size() - 1, i + o.postWindows()));
                if (Labels.at(labels, sensor, end - windowUs, end) != null) {
                    // the head sees tensors at wake time: a labelled window is a candidate when the rule's
                    // value crosses the wake level from below within one window of it (where the rule
                    // fires, depending on hysteresis and cooldown), so the head also learns that jitter
                    if (crossesNear(lane, i, wake, level)) {
                        candidates.add(i);
                    }
                } else if (Labels.isBackground(labels, sensor, end - windowUs, last, guardUs)) {
                    background.add(i);
                }
            }
            boolean anyTarget = candidates.stream()
                    .anyMatch(i -> targets.contains(Labels.at(labels, sensor, lane.endUs(i) - windowUs, lane.endUs(i))));
            if (!anyTarget) {
                // the fitted rule crosses its level near no target window: learn from every target window instead
                for (int i = 0; i < lane.size(); i++) {
                    String l = Labels.at(labels, sensor, lane.endUs(i) - windowUs, lane.endUs(i));
                    if (l != null && targets.contains(l)) {
                        candidates.add(i);
                    }
                }
                candidates.sort(Comparator.naturalOrder());
            }
            int keep = Math.max(MIN_BACKGROUND, candidates.size());
            background.sort(Comparator.comparingInt((Integer i) -> -wakeValue(lane, i, wake)).thenComparingInt(i -> i));
            List<Integer> hard = new ArrayList<>(background.subList(0, Math.min(keep, background.size())));
            hard.sort(Comparator.naturalOrder());
            StreamDescriptor stream = streams.get(sensor);
            FeatureSpec spec = stream == null ? null : FeatureExamples.specFor(stream);
            if (o.cnn() && spec != null) {
                background.sort(Comparator.naturalOrder());
                double wakesPerHour = negativeWakesPerHour(lane, labels, sensor, targets, wake, level, windowUs, config.window().hopMs());
                CnnLane cnn = cnnHead(sensor, lane, tape.track(stream.id()), spec, names, targets.size(), candidates, hard, background,
                        labels, windowUs, config.window().hopMs(), wakesPerHour, o);
                out = out.with(front.with(wake, DenseHead.features(cnn.model(), spec).withAcceptScores(cnn.acceptScores())
                        .withEnsemble(cnn.ensemble())));
                trained.put(sensor, cnn.perClass());
                Logger.info("train: lane {}: wake {}, CNN head {} over {} examples", sensor, wake, cnn.model().labels(), cnn.examples());
                continue;
            }
            if (o.cnn()) {
                Logger.info("train: lane {} computes no raw-signal features, so it gets an MLP head over spike counts", sensor);
            }
            for (int i : candidates) {
                String label = Labels.at(labels, sensor, lane.endUs(i) - windowUs, lane.endUs(i));
                int[] context = lane.context(i + o.postWindows(), span);
                examples.add(new HeadTrainer.Example(context, names.indexOf(label)));
                examples.addAll(weaker(context, names.indexOf(label)));
                perClass.merge(label, 1, Integer::sum);
            }
            for (int i : hard) {
                examples.add(new HeadTrainer.Example(lane.context(i + o.postWindows(), span), names.size() - 1));
            }
            perClass.put(Labels.BACKGROUND, hard.size());
            Int8Model head = HeadTrainer.train(sensor + "-head", examples, names, span, lane.neurons(), o);
            out = out.with(front.with(wake, DenseHead.counts(head)));
            trained.put(sensor, new TreeMap<>(perClass));
            Logger.debug("train: lane {}: wake {}, head {} over {} examples", sensor, wake, head.labels(), examples.size());
        }
        if (trained.isEmpty()) {
            throw new IllegalArgumentException("no lane of the log has labelled events to learn from (lanes: "
                    + rec.lanes().keySet() + ")");
        }
        return new Result(out, trained);
    }

    /** Run points a CNN head learns from per labelled interval, at most (spread evenly over the interval's candidates). */
    static final int MAX_PER_INTERVAL = 3;

    /**
     * A labelled example at half and a quarter of its counts: a quieter, farther or smaller source makes
     * fewer spikes, and a head learnt from a few clips would otherwise take a weaker event than it saw for
     * background or for another class. Measured in {@code RealRecordingsEvalTest}: unseen N-MNIST motion
     * read as background (recall 50 % without, 100 % with), unseen keywords read as other speech (3-hour
     * part: 63.9 % without, 87.4 % with; a doubled copy as well gave 86.7 %).
     */
    private static List<HeadTrainer.Example> weaker(int[] counts, int label) {
        List<HeadTrainer.Example> out = new ArrayList<>();
        for (int shift = 1; shift <= WEAKER_SHIFTS; shift++) {
            int[] c = counts.clone();
            for (int k = 0; k < c.length; k++) {
                c[k] >>= shift;
            }
            out.add(new HeadTrainer.Example(c, label));
        }
        return out;
    }

    /** The first interval of {@code sensor}'s labels overlapping {@code fromUs .. toUs}. */
    private static LabelInterval interval(List<LabelInterval> labels, String sensor, long fromUs, long toUs) {
        return labels.stream().filter(l -> l.appliesTo(sensor) && l.overlaps(fromUs, toUs)).findFirst().orElseThrow();
    }

    /**
     * A trained CNN head (its first model and, for an ensemble, the models of the further seeds), its examples per
     * class (as recorded, augmented copies not counted), the examples its first model trained on in all, and its
     * target labels' accept scores (null: none).
     */
    private record CnnLane(Int8Model model, List<Int8Model> ensemble, Map<String, Integer> perClass, int examples,
                           Map<String, Double> acceptScores) {
    }

    /** A CNN head's training examples for one seed, the held-out ones for the accept score fit, and the events per class. */
    private record CnnExamples(List<CnnHeadTrainer.Example> training, List<CnnHeadTrainer.Example> heldTargets,
                               List<CnnHeadTrainer.Example> heldNegatives, Map<String, Integer> perClass) {
    }

    /** Labelled events and negative windows one in this many of which a CNN head's accept score fit holds out. */
    static final int HOLD_OUT = 5;

    /**
     * Wakes per hour the fitted rule gives on the lane's non-target time: windows where the rule's value crosses
     * {@code level} from below outside every target interval, over the hours of those windows' hops.
     */
    private static double negativeWakesPerHour(WindowRecorder.LaneWindows lane, List<LabelInterval> labels, String sensor,
                                               Set<String> targets, WakeConfig wake, int level, long windowUs, int hopMs) {
        int wakes = 0;
        int windows = 0;
        for (int i = 0; i < lane.size(); i++) {
            String at = Labels.at(labels, sensor, lane.endUs(i) - windowUs, lane.endUs(i));
            if (at != null && targets.contains(at)) {
                continue;
            }
            windows++;
            if (i > 0 && crossesAt(lane, i, wake, level)) {
                wakes++;
            }
        }
        double hours = windows * (double) hopMs / 3_600_000;
        return hours > 0 ? wakes / hours : 0;
    }

    /**
     * Fits a CNN head over the lane's raw-signal features: the head runs when the window {@code postWindows}
     * after the wake closes, so each candidate window {@code i} gives the span ending at the end of window
     * {@code i + postWindows} (moved by up to one hop by augmentation); background gives the {@code hard}
     * windows and as many again spread evenly over {@code background}; every example also gives its augmented
     * copies ({@link FeatureExamples}), the noise mixed in cut from background windows. With a false-accept
     * budget ({@link TrainingOptions#falseAcceptsPerHour()}), every {@value #HOLD_OUT}th labelled interval and
     * negative window is held out of training and chooses the target labels' accept score ({@link AcceptScoreFit}).
     */
    private static CnnLane cnnHead(String sensor, WindowRecorder.LaneWindows lane, SampleTape.Track track, FeatureSpec spec,
                                   List<String> names, int targetClasses, List<Integer> candidates, List<Integer> hard,
                                   List<Integer> background, List<LabelInterval> labels, long windowUs, int hopMs,
                                   double wakesPerHour, TrainingOptions o) {
        SpanFeatures view = spec.extractor();
        FeatureShape shape = new FeatureShape(view.channels(), view.height(), view.width());
        CnnExamples first = null;
        int firstExamples = 0;
        List<Int8Model> models = new ArrayList<>();
        for (long seed : o.seeds()) {
            CnnExamples ex = cnnExamples(sensor, lane, track, spec, names, targetClasses, candidates, hard, background, labels,
                    windowUs, hopMs, seed, o);
            String name = models.isEmpty() ? sensor + "-cnn" : sensor + "-cnn-seed" + seed;
            Int8Model model = CnnHeadTrainer.train(name, shape, ex.training(), names, seed, o.epochs());
            Logger.info("train: lane {}: CNN head{} right on {} of its training examples (int8)", sensor,
                    o.seeds().size() == 1 ? "" : " of seed " + seed, String.format(Locale.ROOT, "%.3f",
                            CnnHeadTrainer.accuracy(model, ex.training())));
            if (first == null) {
                // only the held-out examples outlive the seed: a seed's training set is hundreds of MB of features
                first = new CnnExamples(List.of(), ex.heldTargets(), ex.heldNegatives(), ex.perClass());
                firstExamples = ex.training().size();
            }
            models.add(model);
        }
        Map<String, Double> acceptScores = null;
        if (o.falseAcceptsPerHour() != null) {
            AcceptScoreFit fit = AcceptScoreFit.fit(models, first.heldTargets(), first.heldNegatives(), targetClasses, wakesPerHour,
                    o.falseAcceptsPerHour());
            String figures = String.format(Locale.ROOT, "held-out miss rate %.3f, %.2f false accepts per hour estimated (%d target"
                            + " and %d negative examples held out, %.0f wakes per hour of non-target time)", fit.missRate(),
                    fit.falseAcceptsPerHour(), fit.targets(), fit.negatives(), wakesPerHour);
            if (Double.isNaN(fit.acceptScore())) {
                Logger.info("train: lane {}: no accept score needed for {} false accepts per hour: {}", sensor,
                        o.falseAcceptsPerHour(), figures);
            } else {
                acceptScores = new TreeMap<>();
                for (String target : names.subList(0, targetClasses)) {
                    acceptScores.put(target, fit.acceptScore());
                }
                Logger.info("train: lane {}: accept score {} for {}: {}", sensor, String.format(Locale.ROOT, "%.4f", fit.acceptScore()),
                        names.subList(0, targetClasses), figures);
            }
        }
        return new CnnLane(models.getFirst(), models.subList(1, models.size()), first.perClass(), firstExamples, acceptScores);
    }

    /**
     * The examples of one seed's CNN head (the seed drives the augmentation), and with a false-accept budget the ones
     * held out: every {@value #HOLD_OUT}th labelled interval and negative window, the same whatever the seed.
     */
    private static CnnExamples cnnExamples(String sensor, WindowRecorder.LaneWindows lane, SampleTape.Track track, FeatureSpec spec,
                                           List<String> names, int targetClasses, List<Integer> candidates, List<Integer> hard,
                                           List<Integer> background, List<LabelInterval> labels, long windowUs, int hopMs,
                                           long seed, TrainingOptions o) {
        double rate = spec.sampleRate();
        long[] noiseEnds = new long[background.size()];
        for (int k = 0; k < noiseEnds.length; k++) {
            noiseEnds[k] = track.index(lane.endUs(background.get(k)));
        }
        FeatureExamples cut = new FeatureExamples(track, spec, noiseEnds, (int) Math.round(hopMs * rate / 1000), seed);
        List<CnnHeadTrainer.Example> examples = new ArrayList<>();
        Map<String, Integer> perClass = new TreeMap<>();
        Map<LabelInterval, List<Integer>> byInterval = new LinkedHashMap<>();
        for (int i : candidates) {
            LabelInterval at = interval(labels, sensor, lane.endUs(i) - windowUs, lane.endUs(i));
            byInterval.computeIfAbsent(at, k -> new ArrayList<>()).add(i);
        }
        boolean holdOut = o.falseAcceptsPerHour() != null;
        List<CnnHeadTrainer.Example> heldTargets = new ArrayList<>();
        List<CnnHeadTrainer.Example> heldNegatives = new ArrayList<>();
        int kept = 0;
        int ordinal = 0;
        for (List<Integer> in : byInterval.values()) {
            int take = Math.min(MAX_PER_INTERVAL, in.size());
            boolean held = holdOut && ordinal++ % HOLD_OUT == HOLD_OUT - 1;
            for (int k = 0; k < take; k++) {
                int i = in.get((int) ((long) k * in.size() / take));
                String label = Labels.at(labels, sensor, lane.endUs(i) - windowUs, lane.endUs(i));
                long end = track.index(lane.endUs(Math.min(lane.size() - 1, i + o.postWindows())));
                int y = names.indexOf(label);
                List<CnnHeadTrainer.Example> cutOut = cut.around(end, y);
                (!held ? examples : y < targetClasses ? heldTargets : heldNegatives).addAll(cutOut);
                perClass.merge(label, 1, Integer::sum);
                kept++;
            }
        }
        TreeSet<Integer> negatives = new TreeSet<>(hard.subList(0, Math.min(hard.size(), Math.max(MIN_BACKGROUND, kept))));
        int spread = negatives.size();
        for (int k = 0; k < spread && !background.isEmpty(); k++) {
            negatives.add(background.get((int) ((long) k * background.size() / spread)));
        }
        ordinal = 0;
        for (int i : negatives) {
            long end = track.index(lane.endUs(Math.min(lane.size() - 1, i + o.postWindows())));
            boolean held = holdOut && ordinal++ % HOLD_OUT == HOLD_OUT - 1;
            (held ? heldNegatives : examples).addAll(cut.around(end, names.size() - 1));
        }
        perClass.put(Labels.BACKGROUND, negatives.size());
        return new CnnExamples(examples, heldTargets, heldNegatives, perClass);
    }

    /** True when the rule's value crosses {@code level} from below at window {@code i - 1}, {@code i} or {@code i + 1}. */
    private static boolean crossesNear(WindowRecorder.LaneWindows lane, int i, WakeConfig w, int level) {
        for (int j = Math.max(1, i - 1); j <= Math.min(lane.size() - 1, i + 1); j++) {
            if (crossesAt(lane, j, w, level)) {
                return true;
            }
        }
        return false;
    }

    /** True when the rule's value crosses {@code level} from below at window {@code j} ({@code j >= 1}). */
    private static boolean crossesAt(WindowRecorder.LaneWindows lane, int j, WakeConfig w, int level) {
        return wakeValue(lane, j, w) >= level && wakeValue(lane, j - 1, w) < level;
    }

    /** The value the fitted rule compares: the window total, or the watched readout's count. */
    private static int wakeValue(WindowRecorder.LaneWindows lane, int i, WakeConfig w) {
        int[] on = w.classOnSpikes();
        if (w.rule() != WakeRule.PER_CLASS) {
            return lane.total(i);
        }
        int v = 0;
        for (int r = 0; r < on.length; r++) {
            if (on[r] > 0) {
                v = Math.max(v, lane.count(i, r));
            }
        }
        return v;
    }

    private static int wakeLevel(WakeConfig w) {
        return w.rule() == WakeRule.PER_CLASS ? Arrays.stream(w.classOnSpikes()).max().orElse(1) : w.onSpikes();
    }
}
