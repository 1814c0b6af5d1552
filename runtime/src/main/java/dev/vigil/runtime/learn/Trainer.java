package dev.vigil.runtime.learn;

import dev.vigil.runtime.config.DenseConfig;
import dev.vigil.runtime.config.VigilConfig;
import dev.vigil.runtime.config.WakeConfig;
import dev.vigil.runtime.dense.Int8Model;
import dev.vigil.runtime.hal.DoesNotFitException;
import dev.vigil.runtime.hal.NeuromorphicDevice;
import dev.vigil.runtime.pipeline.LaneModel;
import dev.vigil.runtime.pipeline.LaneModels;
import dev.vigil.runtime.pipeline.Pipeline;
import dev.vigil.sensors.SensorSource;
import dev.vigil.sensors.StreamDescriptor;
import dev.vigil.sensors.replay.ReplayClock;
import org.tinylog.Logger;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * {@code vigil train}: replays a log through the front end, records every window's readout counts,
 * labels them from the sidecar intervals, and per lane with labels fits the wake threshold
 * ({@link WakeFit}) and the dense head ({@link HeadTrainer}). Deterministic: the same log, labels,
 * config and options give the same bundle, byte for byte.
 */
public final class Trainer {
    /** Background examples kept per lane: the highest-count (hardest) windows, at least this many. */
    static final int MIN_BACKGROUND = 50;

    private Trainer() {
    }

    /**
     * Trains on {@code source}.
     *
     * @param logSha256    SHA-256 of the log, recorded in the bundle
     * @param labelsSha256 SHA-256 of the label file, recorded in the bundle
     * @throws IllegalArgumentException when no lane has labelled events to learn from
     */
    public static ModelBundle train(SensorSource source, String logSha256, VigilConfig config, NeuromorphicDevice device,
                                    List<LabelInterval> labels, String labelsSha256, TrainingOptions o)
            throws IOException, DoesNotFitException, InterruptedException {
        VigilConfig frontOnly = config.withDense(new DenseConfig(false, config.dense().device()));
        WindowRecorder rec = new WindowRecorder();
        new Pipeline(frontOnly, device, d -> { }).observe(rec).run(source, ReplayClock.asFastAsPossible());
        long windowUs = config.window().lengthMs() * 1000L;
        long guardUs = o.guardMs() * 1000L;
        int preTriggerMs = (o.windows() - 1) * config.window().hopMs();
        List<LaneBundle> lanes = new ArrayList<>();
        for (Map.Entry<String, WindowRecorder.LaneWindows> e : rec.lanes().entrySet()) {
            String sensor = e.getKey();
            WindowRecorder.LaneWindows lane = e.getValue();
            TreeSet<String> classes = new TreeSet<>();
            labels.stream().filter(l -> l.appliesTo(sensor)).forEach(l -> classes.add(l.label()));
            if (classes.isEmpty() || lane.size() == 0) {
                Logger.info("train: lane {} has no labelled events, left as configured", sensor);
                continue;
            }
            List<String> names = new ArrayList<>(classes);
            names.add(Labels.BACKGROUND);
            WakeConfig wake = WakeFit.fit(lane, sensor, labels, windowUs, guardUs, baseWake(config, sensor), preTriggerMs);
            List<HeadTrainer.Example> examples = new ArrayList<>();
            Map<String, Integer> perClass = new LinkedHashMap<>();
            List<Integer> background = new ArrayList<>();
            List<Integer> events = new ArrayList<>();
            for (int i = 0; i < lane.size(); i++) {
                long end = lane.endUs(i);
                if (Labels.at(labels, sensor, end - windowUs, end) != null) {
                    events.add(i);
                } else if (Labels.isBackground(labels, sensor, end - windowUs, end, guardUs)) {
                    background.add(i);
                }
            }
            // the head sees windows at wake time: prefer event windows that reach half the wake level
            List<Integer> positives = events.stream().filter(i -> wakeValue(lane, i, wake) * 2 >= wakeLevel(wake)).toList();
            for (int i : positives.isEmpty() ? events : positives) {
                long end = lane.endUs(i);
                String label = Labels.at(labels, sensor, end - windowUs, end);
                examples.add(new HeadTrainer.Example(lane.context(i, o.windows()), names.indexOf(label)));
                perClass.merge(label, 1, Integer::sum);
            }
            int keep = Math.max(MIN_BACKGROUND, examples.size());
            background.sort(Comparator.comparingInt((Integer i) -> -wakeValue(lane, i, wake)).thenComparingInt(i -> i));
            List<Integer> hard = new ArrayList<>(background.subList(0, Math.min(keep, background.size())));
            hard.sort(Comparator.naturalOrder());
            for (int i : hard) {
                examples.add(new HeadTrainer.Example(lane.context(i, o.windows()), names.size() - 1));
            }
            perClass.put(Labels.BACKGROUND, hard.size());
            Int8Model head = HeadTrainer.train(sensor + "-head", examples, names, o.windows(), lane.neurons(), o);
            lanes.add(new LaneBundle(sensor, frontEnd(source, config, sensor), wake, head, perClass));
            Logger.info("train: lane {}: wake {}, head {} over {} examples", sensor, wake, head.labels(), examples.size());
        }
        if (lanes.isEmpty()) {
            throw new IllegalArgumentException("no lane of the log has labelled events to learn from (lanes: "
                    + rec.lanes().keySet() + ")");
        }
        return new ModelBundle(lanes, o.seed(), logSha256, labelsSha256, o);
    }

    /** The value the fitted rule compares: the window total, or the watched readout's count. */
    private static int wakeValue(WindowRecorder.LaneWindows lane, int i, WakeConfig w) {
        int[] on = w.classOnSpikes();
        if (!w.rule().equals("per-class")) {
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
        return w.rule().equals("per-class") ? java.util.Arrays.stream(w.classOnSpikes()).max().orElse(1) : w.onSpikes();
    }

    private static WakeConfig baseWake(VigilConfig c, String sensor) {
        return switch (sensor) {
            case "dvs" -> c.sensors().dvs().wake();
            case "audio" -> c.sensors().audio().wake();
            default -> c.sensors().vibration().wake();
        };
    }

    /** The lane's encoder and window, as recorded in bundles. */
    static String frontEnd(SensorSource source, VigilConfig config, String sensor) {
        for (StreamDescriptor s : source.streams()) {
            Optional<LaneModel> m = LaneModels.forStream(s, config);
            if (m.isPresent() && m.get().sensor().equals(sensor)) {
                return m.get().encoder().describe() + "; window " + config.window().lengthMs() + "/" + config.window().hopMs()
                        + " ms; step " + config.network().timestepUs() + " us";
            }
        }
        return "";
    }
}
