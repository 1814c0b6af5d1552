package dev.vigil.runtime.pipeline;

import dev.vigil.runtime.config.FusionConfig;
import dev.vigil.runtime.config.Sensor;
import dev.vigil.runtime.config.VigilConfig;
import dev.vigil.runtime.dense.DenseDevice;
import dev.vigil.runtime.dense.DenseDevices;
import dev.vigil.runtime.hal.CompiledProgram;
import dev.vigil.runtime.hal.DoesNotFitException;
import dev.vigil.runtime.hal.NetworkCompiler;
import dev.vigil.runtime.hal.NeuromorphicDevice;
import dev.vigil.sensors.Batch;
import dev.vigil.sensors.SensorSource;
import dev.vigil.sensors.StreamDescriptor;
import dev.vigil.sensors.replay.ReplayClock;
import dev.vigil.wake.SensorFusion;
import org.tinylog.Logger;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a source through one lane per stream and sends detections to a sink. The same code serves live
 * sources and replayed logs; a replay clock only paces delivery and never changes the result.
 */
public final class Pipeline {
    private final VigilConfig config;
    private final NeuromorphicDevice device;
    private final DetectionSink sink;
    private final LiveLanes live;
    private final Map<String, LaneOverride> overrides = new LinkedHashMap<>();
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

    /** Replaces the wake settings and dense head of lane {@code sensor} (e.g. with a trained bundle's). */
    public Pipeline override(String sensor, LaneOverride override) {
        overrides.put(sensor, override);
        return this;
    }

    /** Shows every window, its counts and decision, to {@code windowObserver}. */
    public Pipeline observe(WindowObserver windowObserver) {
        this.observer = windowObserver;
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
     * Reads {@code source} to its end, paced by {@code clock}.
     *
     * @throws DoesNotFitException when a lane's network does not fit the device
     */
    public RunSummary run(SensorSource source, ReplayClock clock) throws IOException, DoesNotFitException,
            InterruptedException {
        long wallStart = System.nanoTime();
        Map<Integer, LaneModel> models = new LinkedHashMap<>();
        Map<Integer, CompiledProgram> programs = new LinkedHashMap<>();
        List<String> ignored = new ArrayList<>();
        for (StreamDescriptor s : source.streams()) {
            Optional<LaneModel> m = LaneModels.forStream(s, config);
            if (m.isEmpty()) {
                ignored.add("stream " + s.id() + " (" + s.kind().label() + ")");
                continue;
            }
            LaneOverride o = overrides.get(m.get().sensor());
            LaneModel model = o == null ? m.get() : m.get().with(o.wake(), o.head());
            models.put(s.id(), model);
            live.register(model.sensor(), new LiveLanes.LaneSettings(true, model.wake()));
            programs.put(s.id(), NetworkCompiler.compile(m.get().network(), device.capabilities()));
        }
        DenseDevice dense = denseDevice();
        SensorFusion fusion = fusion(models.values().stream().map(LaneModel::sensor).toList());
        Map<Integer, SensorLane> lanes = new LinkedHashMap<>();
        LaneContext context = null;
        long stepUs = config.network().timestepUs();
        int stepsPerHop = (int) (config.window().hopMs() * 1000L / stepUs);
        int hopsPerWindow = config.window().lengthMs() / config.window().hopMs();
        long last = Long.MIN_VALUE;
        try {
            Batch b;
            while ((b = source.next()) != null) {
                if (b.size() == 0) {
                    continue;
                }
                clock.awaitDeviceTime(b.firstTimeUs());
                if (context == null) {
                    long origin = Math.floorDiv(b.firstTimeUs(), stepUs) * stepUs;
                    context = new LaneContext(new LaneTiming(origin, stepUs, stepsPerHop, hopsPerWindow),
                            device.capabilities().energy(), dense, config.dense().enabled(), fusion, sink, observer,
                            config.deviceId(), live);
                }
                last = Math.max(last, b.lastTimeUs());
                int id = b.stream().id();
                LaneModel model = models.get(id);
                if (model == null) {
                    continue;
                }
                SensorLane lane = lanes.get(id);
                if (lane == null) {
                    lane = new SensorLane(context, model, b.stream(), device.open(programs.get(id)));
                    lanes.put(id, lane);
                    Logger.debug("lane {} on stream {}: {}", model.sensor(), id, model.encoder().describe());
                }
                lane.accept(b);
            }
            for (SensorLane lane : lanes.values()) {
                lane.finish(last);
            }
        } finally {
            lanes.values().forEach(SensorLane::close);
        }
        List<LaneStats> stats = lanes.values().stream().map(SensorLane::stats).toList();
        long recorded = context == null ? 0 : last - context.timing().originUs();
        return new RunSummary(device.capabilities().id(), stats, recorded, System.nanoTime() - wallStart,
                source.problems(), ignored);
    }
}
