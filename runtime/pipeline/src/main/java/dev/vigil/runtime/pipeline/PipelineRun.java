package dev.vigil.runtime.pipeline;

import dev.vigil.runtime.hal.DeviceSession;
import dev.vigil.runtime.hal.NeuromorphicDevice;
import dev.vigil.sensors.Batch;
import dev.vigil.sensors.SourceProblem;
import org.tinylog.Logger;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * One run of a {@link Pipeline} over a set of streams, batch by batch: a lane opens on its stream's
 * first batch (the run's time origin is taken from the first batch of all), every batch goes through
 * its lane, and {@link #finish} runs the lanes to the last time seen. {@link Pipeline#run} drives one
 * from a source; anything that holds batches itself (a benchmark) can feed one directly. In steady state
 * a batch allocates nothing per event.
 */
public final class PipelineRun implements AutoCloseable {
    private final NeuromorphicDevice device;
    private final Map<Integer, LaneModel> models;
    private final Map<Integer, DeviceSession> sessions;
    private final List<String> ignored;
    private final LongFunction<LaneContext> contextAt;
    private final Map<Integer, SensorLane> lanes = new LinkedHashMap<>();
    private final Map<Integer, FeatureHead> featureHeads;
    private final long wallStart = System.nanoTime();
    private LaneContext context;
    private long last = Long.MIN_VALUE;

    PipelineRun(NeuromorphicDevice device, Map<Integer, LaneModel> models, Map<Integer, DeviceSession> sessions,
                List<String> ignored, Map<Integer, FeatureHead> featureHeads, LongFunction<LaneContext> contextAt) {
        this.featureHeads = featureHeads;
        this.device = device;
        this.models = models;
        this.sessions = sessions;
        this.ignored = List.copyOf(ignored);
        this.contextAt = contextAt;
    }

    /** Runs {@code b} through its stream's lane (nothing for a stream without one). */
    public void accept(Batch b) {
        if (b.size() == 0) {
            return;
        }
        if (context == null) {
            context = contextAt.apply(b.firstTimeUs());
        }
        last = Math.max(last, b.lastTimeUs());
        int id = b.stream().id();
        LaneModel model = models.get(id);
        if (model == null) {
            return;
        }
        SensorLane lane = lanes.get(id);
        if (lane == null) {
            lane = new SensorLane(context, model, b.stream(), sessions.get(id));
            lanes.put(id, lane);
            Logger.debug("lane {} on stream {}: {}", model.sensor(), id, model.encoder().describe());
        }
        lane.accept(b);
    }

    /** Runs every lane through the step holding the last time seen and releases pending wakes. */
    public void finish() {
        for (SensorLane lane : lanes.values()) {
            lane.finish(last);
        }
    }

    /** What the run did, with what its source skipped. */
    public RunSummary summary(List<SourceProblem> problems) {
        List<LaneStats> stats = lanes.values().stream().map(SensorLane::stats).toList();
        long recorded = context == null ? 0 : last - context.originUs();
        return new RunSummary(device.capabilities().id(), stats, recorded, System.nanoTime() - wallStart,
                problems, new ArrayList<>(ignored));
    }

    /** Closes the lanes' device sessions and feature heads. */
    @Override
    public void close() {
        featureHeads.values().forEach(FeatureHead::close);
        sessions.values().forEach(DeviceSession::close);
    }
}
