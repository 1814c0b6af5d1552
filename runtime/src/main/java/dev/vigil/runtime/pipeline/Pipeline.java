package dev.vigil.runtime.pipeline;

import dev.vigil.runtime.config.VigilConfig;
import dev.vigil.runtime.hal.CompiledProgram;
import dev.vigil.runtime.hal.DoesNotFitException;
import dev.vigil.runtime.hal.NetworkCompiler;
import dev.vigil.runtime.hal.NeuromorphicDevice;
import dev.vigil.sensors.Batch;
import dev.vigil.sensors.SensorSource;
import dev.vigil.sensors.StreamDescriptor;
import dev.vigil.sensors.replay.ReplayClock;
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

    /** A pipeline for {@code config}, running front ends on {@code device}, emitting to {@code sink}. */
    public Pipeline(VigilConfig config, NeuromorphicDevice device, DetectionSink sink) {
        this.config = config;
        this.device = device;
        this.sink = sink;
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
            models.put(s.id(), m.get());
            programs.put(s.id(), NetworkCompiler.compile(m.get().network(), device.capabilities()));
        }
        Map<Integer, SensorLane> lanes = new LinkedHashMap<>();
        long stepUs = config.network().timestepUs();
        int stepsPerHop = (int) (config.window().hopMs() * 1000L / stepUs);
        int hopsPerWindow = config.window().lengthMs() / config.window().hopMs();
        long origin = Long.MIN_VALUE;
        long last = Long.MIN_VALUE;
        try {
            Batch b;
            while ((b = source.next()) != null) {
                if (b.size() == 0) {
                    continue;
                }
                clock.awaitDeviceTime(b.firstTimeUs());
                if (origin == Long.MIN_VALUE) {
                    origin = Math.floorDiv(b.firstTimeUs(), stepUs) * stepUs;
                }
                last = Math.max(last, b.lastTimeUs());
                int id = b.stream().id();
                LaneModel model = models.get(id);
                if (model == null) {
                    continue;
                }
                SensorLane lane = lanes.get(id);
                if (lane == null) {
                    lane = new SensorLane(model, b.stream(), device.open(programs.get(id)),
                            device.capabilities().energy(), stepsPerHop, hopsPerWindow, config.dense().enabled(),
                            sink, config.deviceId(), origin, stepUs);
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
        long recorded = origin == Long.MIN_VALUE ? 0 : last - origin;
        return new RunSummary(device.capabilities().id(), stats, recorded, System.nanoTime() - wallStart,
                source.problems(), ignored);
    }
}
