package dev.vigil.runtime.pipeline;

import dev.vigil.runtime.dense.DenseResult;
import dev.vigil.runtime.dense.DenseStage;
import dev.vigil.runtime.hal.DeviceSession;
import dev.vigil.runtime.hal.EnergyModel;
import dev.vigil.sensors.Batch;
import dev.vigil.sensors.StreamDescriptor;
import dev.vigil.sensors.encode.SpikeSink;
import dev.vigil.wake.SpikeCountAccumulator;
import dev.vigil.wake.ThresholdHysteresisPolicy;
import dev.vigil.wake.WakeDecision;
import dev.vigil.wake.WakePolicy;
import org.tinylog.Logger;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.IntConsumer;

/**
 * One stream's path through the pipeline. Input spikes are binned into timesteps of
 * {@code stepUs} counted from a common origin; every step runs the front end on the device, every hop
 * closes a window, the wake policy decides, and only a wake runs the dense stage. Steps without input
 * still run, so leak and windows advance with device time, not with data.
 */
final class SensorLane {
    private final LaneModel model;
    private final StreamDescriptor stream;
    private final DeviceSession session;
    private final EnergyModel energy;
    private final SpikeCountAccumulator accumulator;
    private final WakePolicy policy;
    private final DenseStage dense;
    private final boolean denseEnabled;
    private final DetectionSink sink;
    private final String deviceId;
    private final long originUs;
    private final long stepUs;
    private final SpikeSink encoderSink = this::onInputSpike;
    private final IntConsumer outputSink;
    private long step;
    private long inputElements;
    private long inputSpikes;
    private long windows;
    private long wakes;
    private long detections;

    SensorLane(LaneModel model, StreamDescriptor stream, DeviceSession session, EnergyModel energy,
               int stepsPerHop, int hopsPerWindow, boolean denseEnabled, DetectionSink sink, String deviceId,
               long originUs, long stepUs) {
        this.model = model;
        this.stream = stream;
        this.session = session;
        this.energy = energy;
        this.accumulator = new SpikeCountAccumulator(model.network().outputs(), stepsPerHop, hopsPerWindow);
        this.outputSink = accumulator::spike;
        this.policy = new ThresholdHysteresisPolicy(model.wake().onSpikes(), model.wake().offSpikes());
        this.dense = new DenseStage(model.head());
        this.denseEnabled = denseEnabled;
        this.sink = sink;
        this.deviceId = deviceId;
        this.originUs = originUs;
        this.stepUs = stepUs;
    }

    void accept(Batch batch) {
        inputElements += batch.size();
        model.encoder().encode(batch, encoderSink);
    }

    private void onInputSpike(long timeUs, int channel) {
        long target = Math.max(0, (timeUs - originUs) / stepUs);
        while (step < target) {
            endStep();
        }
        session.inject(channel);
        inputSpikes++;
    }

    /** Runs the remaining steps up to and including the step holding {@code endUs}. */
    void finish(long endUs) {
        long last = Math.max(0, (endUs - originUs) / stepUs);
        while (step <= last) {
            endStep();
        }
    }

    private void endStep() {
        session.step(outputSink);
        step++;
        if (accumulator.endStep()) {
            evaluateWindow();
        }
    }

    private void evaluateWindow() {
        windows++;
        long endUs = originUs + step * stepUs;
        long startUs = endUs - accumulator.stepsPerWindow() * stepUs;
        int[] counts = accumulator.windowCounts();
        WakeDecision decision = policy.decide(endUs, counts);
        if (!decision.wake()) {
            return;
        }
        wakes++;
        String label = model.sensor();
        double score = 1.0;
        if (denseEnabled) {
            DenseResult result = dense.run(counts);
            label = result.label();
            score = result.score();
        }
        String id = UUID.nameUUIDFromBytes((deviceId + '/' + model.sensor() + '/' + stream.id() + '/' + endUs)
                .getBytes(StandardCharsets.UTF_8)).toString();
        Detection d = new Detection(id, deviceId, model.sensor(), stream.id(), label, Math.round(score * 1e4) / 1e4,
                endUs, startUs, decision.reason(), counts);
        detections++;
        Logger.debug("wake on {}: {}", model.sensor(), decision.reason());
        sink.accept(d);
    }

    LaneStats stats() {
        double seconds = step * stepUs / 1e6;
        return new LaneStats(model.sensor(), stream.id(), stream.kind(), inputElements, inputSpikes,
                session.counts(), windows, wakes, dense.invocations(), detections,
                energy.joules(session.counts(), seconds), dense.nanos());
    }

    void close() {
        session.close();
    }
}
