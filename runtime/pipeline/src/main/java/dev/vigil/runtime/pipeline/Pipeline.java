package dev.vigil.runtime.pipeline;

import dev.vigil.runtime.bundle.BundleLane;
import dev.vigil.runtime.bundle.DenseHead;
import dev.vigil.runtime.bundle.ModelBundle;
import dev.vigil.runtime.config.FusionConfig;
import dev.vigil.runtime.config.Sensor;
import dev.vigil.runtime.config.VigilConfig;
import dev.vigil.runtime.dense.DenseDevice;
import dev.vigil.runtime.dense.DenseDevices;
import dev.vigil.runtime.dense.ExternalModel;
import dev.vigil.sensors.StreamKind;
import dev.vigil.sensors.features.LogMel;
import dev.vigil.sensors.features.LogMelSettings;
import java.nio.file.Path;
import dev.vigil.runtime.hal.CompiledProgram;
import dev.vigil.runtime.hal.DeviceSession;
import dev.vigil.runtime.hal.DoesNotFitException;
import dev.vigil.runtime.hal.NetworkCompiler;
import dev.vigil.runtime.hal.NeuromorphicDevice;
import dev.vigil.sensors.Batch;
import dev.vigil.sensors.SensorSource;
import dev.vigil.sensors.StreamDescriptor;
import dev.vigil.sensors.replay.ReplayClock;
import org.tinylog.Logger;
import dev.vigil.wake.SensorFusion;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Runs a source through one lane per stream and sends detections to a sink. Each lane runs a bundle
 * lane: the one {@link #use} gives for its sensor, else the built-in one built from the config. The
 * same code serves live sources and replayed logs; a replay clock only paces delivery and never changes
 * the result.
 */
public final class Pipeline {
    private final VigilConfig config;
    private final NeuromorphicDevice device;
    private final DetectionSink sink;
    private final LiveLanes live;
    private ModelBundle bundle;
    private WindowObserver observer;
    private DenseDevice denseDevice;

    /** A pipeline for {@code config}, running front ends on {@code device}, emitting to {@code sink}. */
    public Pipeline(VigilConfig config, NeuromorphicDevice device, DetectionSink sink) {
        this(config, device, sink, new LiveLanes());
    }

    /** As above, with lane settings that can change while it runs and lane statistics read while it runs. */
    public Pipeline(VigilConfig config, NeuromorphicDevice device, DetectionSink sink, LiveLanes live) {
        this.config = config;
        this.device = device;
        this.sink = sink;
        this.live = live;
    }

    /** Runs {@code models}' lanes in place of the built-in ones of their sensors (null: the built-in ones). */
    public Pipeline use(ModelBundle models) {
        this.bundle = models;
        return this;
    }

    /** Shows every window, its counts and decision, to {@code windowObserver} (after those already given). */
    public Pipeline observe(WindowObserver windowObserver) {
        this.observer = observer == null ? windowObserver : WindowObserver.both(observer, windowObserver);
        return this;
    }

    /** Runs the dense stage on {@code device} instead of the one {@code dense.device} names. */
    public Pipeline denseOn(DenseDevice dense) {
        this.denseDevice = dense;
        return this;
    }

    private DenseDevice denseDevice() {
        if (denseDevice == null) {
            String id = config.dense().device();
            denseDevice = DenseDevices.find(id).orElseThrow(() -> new IllegalArgumentException(
                    "dense.device: " + DenseDevices.providers().missing(id)));
        }
        return denseDevice;
    }

    private SensorFusion fusion(List<String> sensors) {
        FusionConfig f = config.sensors().fusion();
        double[] weights = new double[Math.max(1, sensors.size())];
        for (int i = 0; i < sensors.size(); i++) {
            weights[i] = Sensor.named(sensors.get(i)).map(f::weight).orElse(1.0);
        }
        List<String> names = sensors.isEmpty() ? List.of("none") : sensors;
        return new SensorFusion(f.mode(), names, weights, f.quorum(), f.toleranceMs() * 1000L);
    }

    /**
     * Opens a run over {@code streams}: one lane per stream whose sensor is enabled, running its bundle
     * lane (see {@link #use}) or the built-in one, its front end compiled for the device.
     *
     * @throws DoesNotFitException   when a lane's network does not fit the device
     * @throws LaneMismatchException when a lane's front end cannot run on its stream
     */
    public PipelineRun start(List<StreamDescriptor> streams) throws DoesNotFitException {
        Map<Integer, LaneModel> models = new LinkedHashMap<>();
        Map<Integer, CompiledProgram> programs = new LinkedHashMap<>();
        Map<Integer, DeviceSession> sessions = new LinkedHashMap<>();
        List<String> ignored = new ArrayList<>();
        String deviceId = device.capabilities().id();
        for (StreamDescriptor s : streams) {
            Optional<BundleLane> lane = LaneModels.laneFor(s, config, bundle, deviceId);
            if (lane.isEmpty()) {
                ignored.add("stream " + s.id() + " (" + s.kind().label() + ")");
                continue;
            }
            LaneModel model = LaneModels.build(lane.get(), s, config.window());
            models.put(s.id(), model);
            live.register(model.sensor(), new LiveLanes.LaneSettings(true, model.wake()));
            programs.put(s.id(), NetworkCompiler.compile(model.network(), device.capabilities()));
        }
        withConfiguredAcceptScores(models, streams);
        DenseDevice dense = denseDevice();
        try {
            for (Map.Entry<Integer, CompiledProgram> p : programs.entrySet()) {
                sessions.put(p.getKey(), device.open(p.getValue()));
            }
        } catch (DoesNotFitException | RuntimeException e) {
            sessions.values().forEach(DeviceSession::close);
            throw e;
        }
        Map<Integer, FeatureHead> featureHeads;
        try {
            featureHeads = featureHeads(streams, models, dense);
            try {
                featureHeads.putAll(int8FeatureHeads(streams, models, featureHeads.keySet(), dense));
            } catch (RuntimeException e) {
                featureHeads.values().forEach(FeatureHead::close);
                throw e;
            }
        } catch (RuntimeException e) {
            sessions.values().forEach(DeviceSession::close);
            throw e;
        }
        SensorFusion fusion = fusion(models.values().stream().map(LaneModel::sensor).toList());
        long stepUs = config.network().timestepUs();
        long hopUs = config.window().hopMs() * 1000L;
        int hopsPerWindow = config.window().lengthMs() / config.window().hopMs();
        DenseDevice int8 = int8Device(dense, featureHeads.size() < models.size());
        return new PipelineRun(device, models, sessions, ignored, featureHeads, firstUs -> new LaneContext(Math.floorDiv(firstUs, stepUs) * stepUs,
                hopUs, hopsPerWindow, device.capabilities().energy(), int8, config.dense().enabled(), fusion, sink, observer,
                config.deviceId(), live, featureHeads));
    }

    /**
     * Puts {@code dense.accept-scores} over each lane's own (the bundle head's) for the labels its head has:
     * the model file's labels on audio lanes when {@code dense.model} is set, else its int8 head's.
     *
     * @throws IllegalArgumentException in one line naming the key when a label is no running lane's, a score is
     *                                  out of range, or a head would have no label left to give way to
     */
    private void withConfiguredAcceptScores(Map<Integer, LaneModel> models, List<StreamDescriptor> streams) {
        Map<String, Double> configured = config.dense().acceptScores();
        Set<String> known = new TreeSet<>();
        for (StreamDescriptor s : streams) {
            LaneModel m = models.get(s.id());
            if (m == null) {
                continue;
            }
            List<String> labels = s.kind() == StreamKind.AUDIO && !config.dense().model().isEmpty()
                    ? config.dense().labels() : m.head().labels();
            known.addAll(labels);
            Map<String, Double> scores = new TreeMap<>(m.acceptScores());
            configured.forEach((label, score) -> {
                if (labels.contains(label)) {
                    scores.put(label, score);
                }
            });
            try {
                Map<String, Double> checked = DenseHead.checkedAcceptScores("lane " + m.sensor(), labels, scores);
                models.put(s.id(), m.withAcceptScores(checked));
                if (checked != null) {
                    Logger.info("lane {}: accept scores {}: a result under its label's score is published as the best label"
                            + " without one", m.sensor(), checked);
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("dense.accept-scores: " + e.getMessage(), e);
            }
        }
        for (String label : configured.keySet()) {
            if (!known.contains(label)) {
                throw new IllegalArgumentException("dense.accept-scores." + label + ": '" + label
                        + "' is not a label of any running lane's head (labels: " + known + ")");
            }
        }
    }

    /**
     * Where the lanes' int8 heads run: {@code dense}, or the golden CPU engine when {@code dense} runs
     * only model files (the lanes without a feature head still run their bundle's int8 head).
     */
    private static DenseDevice int8Device(DenseDevice dense, boolean lanesWithInt8Heads) {
        if (dense.runsInt8()) {
            return dense;
        }
        DenseDevice cpu = DenseDevices.find("cpu").orElseThrow(() -> new IllegalStateException("the golden 'cpu' dense device is missing"));
        if (lanesWithInt8Heads) {
            Logger.info("dense device '{}' runs model files only: the int8 heads of lanes without dense.model run on 'cpu'", dense.id());
        }
        return cpu;
    }

    /**
     * One feature head per audio lane when {@code dense.model} names a model file: the file loaded on
     * {@code dense} for the lane's log-mel frames ({@link LogMelSettings#keywordSpotting}, input shape
     * {@code [1, 1, bands, frames]}), checked when it loads.
     *
     * @throws IllegalArgumentException in one line naming the file and the mismatch
     */
    private Map<Integer, FeatureHead> featureHeads(List<StreamDescriptor> streams, Map<Integer, LaneModel> models,
                                                   DenseDevice dense) {
        Map<Integer, FeatureHead> heads = new LinkedHashMap<>();
        String file = config.dense().model();
        if (file.isEmpty() || !config.dense().enabled()) {
            return heads;
        }
        try {
            for (StreamDescriptor s : streams) {
                if (s.kind() != StreamKind.AUDIO || !models.containsKey(s.id())) {
                    continue;
                }
                LogMelSettings settings = LogMelSettings.keywordSpotting(s.sampleRate());
                Path path = Path.of(file);
                ExternalModel m = new ExternalModel(path.getFileName().toString(), path, config.dense().input(),
                        List.of(1, 1, settings.bands(), settings.frames()), config.dense().output(), config.dense().labels());
                heads.put(s.id(), FeatureHead.external(new LogMel(settings), s.sampleRate(), dense.load(m), m.labels(),
                        models.get(s.id()).acceptScores(), runs()));
            }
        } catch (RuntimeException e) {
            heads.values().forEach(FeatureHead::close);
            throw new IllegalArgumentException("dense.model: " + e.getMessage(), e);
        }
        return heads;
    }

    /**
     * One feature head per sampled lane whose bundle head reads raw-signal features ({@link
     * dev.vigil.runtime.bundle.DenseHead#readsFeatures()}) and that {@code taken} (lanes with a model
     * file) does not already cover: the int8 model on the lanes' int8 device.
     *
     * @throws IllegalArgumentException in one line when the stream's sample rate is not the one the head was trained at
     */
    private Map<Integer, FeatureHead> int8FeatureHeads(List<StreamDescriptor> streams, Map<Integer, LaneModel> models,
                                                       java.util.Set<Integer> taken, DenseDevice dense) {
        Map<Integer, FeatureHead> heads = new LinkedHashMap<>();
        if (!config.dense().enabled()) {
            return heads;
        }
        DenseDevice int8 = null;
        for (StreamDescriptor s : streams) {
            LaneModel m = models.get(s.id());
            if (m == null || m.features() == null || taken.contains(s.id())) {
                continue;
            }
            if (Math.abs(m.features().sampleRate() - s.sampleRate()) > 1e-6) {
                throw new IllegalArgumentException("lane " + m.sensor() + ": its head '" + m.head().name() + "' reads features of "
                        + m.features().sampleRate() + " Hz audio or vibration, stream " + s.id() + " is sampled at "
                        + s.sampleRate() + " Hz; resample the recording or train a head at this rate");
            }
            int8 = int8 != null ? int8 : int8Device(dense, true);
            heads.put(s.id(), FeatureHead.int8(m.features().extractor(), s.sampleRate(), m.features().scale(), m.headModels(), int8,
                    m.acceptScores(), runs()));
        }
        return heads;
    }

    /** The feature heads' spans per wake and their spacing ({@code dense.runs-per-wake}, {@code dense.run-spacing-ms}). */
    private FeatureHead.Runs runs() {
        return new FeatureHead.Runs(config.dense().runsPerWake(), config.dense().runSpacingMs());
    }

    /**
     * Reads {@code source} to its end, paced by {@code clock}.
     *
     * @throws DoesNotFitException   when a lane's network does not fit the device
     * @throws LaneMismatchException when a lane's front end cannot run on its stream
     */
    public RunSummary run(SensorSource source, ReplayClock clock) throws IOException, DoesNotFitException,
            InterruptedException {
        try (PipelineRun run = start(source.streams())) {
            Batch b;
            while ((b = source.next()) != null) {
                if (b.size() == 0) {
                    continue;
                }
                clock.awaitDeviceTime(b.firstTimeUs());
                run.accept(b);
            }
            run.finish();
            return run.summary(source.problems());
        }
    }
}
