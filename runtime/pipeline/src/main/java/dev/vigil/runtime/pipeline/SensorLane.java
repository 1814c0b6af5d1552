package dev.vigil.runtime.pipeline;

import dev.vigil.runtime.dense.DenseDevice;
import dev.vigil.runtime.dense.DenseResult;
import dev.vigil.runtime.dense.DenseStage;
import dev.vigil.runtime.hal.ActivityCounts;
import dev.vigil.runtime.hal.DeviceSession;
import dev.vigil.runtime.hal.EnergyModel;
import dev.vigil.runtime.network.Layer;
import dev.vigil.runtime.network.Network;
import dev.vigil.sensors.Batch;
import dev.vigil.sensors.StreamDescriptor;
import dev.vigil.sensors.encode.SpikeSink;
import dev.vigil.wake.CooldownPolicy;
import dev.vigil.wake.PreTriggerBuffer;
import dev.vigil.wake.SensorFusion;
import dev.vigil.wake.SpikeCountAccumulator;
import dev.vigil.wake.WakeBudgetPolicy;
import dev.vigil.wake.WakeDecision;
import dev.vigil.wake.WakePolicy;
import org.tinylog.Logger;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * One stream's path through the pipeline. Input spikes are binned into timesteps of
 * {@code stepUs} counted from a common origin; every step runs the front end on the device, every hop
 * closes a window that goes into the pre-trigger buffer, the wake policy decides (fused with the other
 * sensors when configured), and only a wake runs the dense stage, on the buffer: the windows before the
 * waking one, the waking one, and (with a post-trigger span) the windows after it, for which the run waits.
 * A wake while a run is pending joins it. Steps without input still run, so leak and windows advance with
 * device time.
 */
final class SensorLane {
    private final LaneModel model;
    private final StreamDescriptor stream;
    private final DeviceSession session;
    private final EnergyModel energy;
    private final SpikeCountAccumulator accumulator;
    private final PreTriggerBuffer preTrigger;
    private final int[] tensor;
    private final int postWindows;
    private final int[] wakeCounts;
    private final int[] noCounts;
    private final long hopUs;
    private int pending = -1;
    private long wakeWindowStartUs;
    private String wakeReason;
    private final LiveLanes live;
    private LiveLanes.LaneSettings settings;
    private WakePolicy policy;
    private final SensorFusion fusion;
    private final int fusionIndex;
    private final DenseStage dense;
    private final boolean denseEnabled;
    private final DetectionSink sink;
    private final WindowObserver observer;
    private final String deviceId;
    private final long originUs;
    private final long stepUs;
    private final SpikeSink encoderSink = this::onInputSpike;
    private final IntConsumer outputSink;
    private final long headMacs;
    private final long frontSynapses;
    private long step;
    /** The current step's input spikes, handed to the device as one batch when the step ends; grows, never shrinks. */
    private int[] stepSpikes = new int[256];
    private int stepSpikeCount;
    private long inputElements;
    private long inputSpikes;
    private long windows;
    private long wakes;
    private long fusionHeld;
    private long refused;
    private long detections;

    SensorLane(LaneModel model, StreamDescriptor stream, DeviceSession session, EnergyModel energy, LaneTiming timing,
               DenseDevice denseDevice, boolean denseEnabled, SensorFusion fusion, int fusionIndex, DetectionSink sink,
               WindowObserver observer, String deviceId, LiveLanes live) {
        this.model = model;
        this.stream = stream;
        this.session = session;
        this.energy = energy;
        this.accumulator = new SpikeCountAccumulator(model.network().outputs(), timing.stepsPerHop(), timing.hopsPerWindow());
        this.outputSink = accumulator::spike;
        this.postWindows = PreTriggerBuffer.windowsFor(model.wake().postTriggerMs() * 1000L, timing.hopUs()) - 1;
        int rows = Math.max(model.head().windows(),
                PreTriggerBuffer.windowsFor(model.wake().preTriggerMs() * 1000L, timing.hopUs()) + postWindows);
        this.wakeCounts = new int[model.network().outputs()];
        this.noCounts = new int[wakeCounts.length];
        this.hopUs = timing.hopUs();
        this.preTrigger = new PreTriggerBuffer(model.network().outputs(), rows);
        this.tensor = new int[preTrigger.size()];
        this.live = live;
        this.settings = live.settingsOf(model.sensor()).orElse(new LiveLanes.LaneSettings(true, model.wake()));
        this.policy = WakePolicies.build(settings.wake(), model.readouts());
        this.fusion = fusion;
        this.fusionIndex = fusionIndex;
        this.dense = new DenseStage(model.head(), denseDevice);
        this.denseEnabled = denseEnabled;
        this.sink = sink;
        this.observer = observer;
        this.deviceId = deviceId;
        this.originUs = timing.originUs();
        this.stepUs = timing.stepUs();
        this.headMacs = model.head().macs();
        this.frontSynapses = synapses(model.network());
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
        if (stepSpikeCount == stepSpikes.length) {
            stepSpikes = Arrays.copyOf(stepSpikes, 2 * stepSpikeCount);
        }
        stepSpikes[stepSpikeCount++] = channel;
        inputSpikes++;
    }

    /** Runs the remaining steps up to and including the step holding {@code endUs}. */
    void finish(long endUs) {
        long last = Math.max(0, (endUs - originUs) / stepUs);
        while (step <= last) {
            endStep();
        }
        if (pending >= 0) {
            // the stream ended inside the post-trigger span: the windows that never came count as empty
            long t = originUs + step * stepUs;
            for (; pending > 0; pending--) {
                t += hopUs;
                preTrigger.push(t, noCounts);
            }
            runDense(t);
        }
    }

    private void endStep() {
        session.inject(stepSpikes, 0, stepSpikeCount);
        stepSpikeCount = 0;
        session.step(outputSink);
        step++;
        if (accumulator.endStep()) {
            evaluateWindow();
        }
    }

    /** Takes changed live settings at a window boundary: a new wake policy starts fresh. */
    private void takeLiveSettings() {
        LiveLanes.LaneSettings now = live.settingsOf(model.sensor()).orElse(settings);
        if (now.equals(settings)) {
            return;
        }
        if (!now.wake().equals(settings.wake()) || !settings.enabled()) {
            policy = WakePolicies.build(now.wake(), model.readouts());
        }
        Logger.info("lane {} takes new live settings: {}", model.sensor(), now);
        settings = now;
    }

    private void evaluateWindow() {
        takeLiveSettings();
        if (!settings.enabled()) {
            return;
        }
        windows++;
        evaluateEnabledWindow();
        live.publish(stats());
    }

    private void evaluateEnabledWindow() {
        long endUs = originUs + step * stepUs;
        long startUs = endUs - accumulator.stepsPerWindow() * stepUs;
        int[] counts = accumulator.windowCounts();
        preTrigger.push(endUs, counts);
        WakeDecision local = policy.decide(endUs, counts);
        WakeDecision decision = fusion.fuse(fusionIndex, endUs, local);
        if (local.wake() && !decision.wake()) {
            fusionHeld++;
        }
        if (observer != null) {
            observer.window(model.sensor(), endUs, counts, decision);
        }
        boolean starts = false;
        if (decision.wake()) {
            wakes++;
            Logger.debug("wake on {}: {}", model.sensor(), decision.reason());
            if (pending < 0) {
                starts = true;
                pending = postWindows;
                wakeWindowStartUs = startUs;
                wakeReason = decision.reason();
                System.arraycopy(counts, 0, wakeCounts, 0, wakeCounts.length);
            }
        } else {
            if (isRefusal(decision)) {
                refused++;
            }
            if (local.wake() || isRefusal(decision)) {
                Logger.debug("wake on {} refused: {}", model.sensor(), decision.reason());
            }
        }
        if (!starts && pending > 0) {
            pending--;
        }
        if (pending == 0) {
            runDense(endUs);
        }
    }

    /** Runs the dense stage on the buffer for the pending wake, at device time {@code endUs}, and emits the detection. */
    private void runDense(long endUs) {
        pending = -1;
        String label = model.sensor();
        double score = 1.0;
        if (denseEnabled) {
            preTrigger.copyTo(tensor);
            DenseResult result = dense.run(tensor);
            label = result.label();
            score = result.score();
        }
        String id = DetectionIds.next();
        Detection d = new Detection(id, deviceId, model.sensor(), stream.id(), label, Math.round(score * 1e4) / 1e4,
                endUs, wakeWindowStartUs, wakeReason, wakeCounts);
        detections++;
        live.publish(stats());
        sink.accept(d);
    }

    private static boolean isRefusal(WakeDecision d) {
        return d.rule().equals(CooldownPolicy.RULE) || d.rule().equals(WakeBudgetPolicy.RULE);
    }

    /** A snapshot of the lane's figures; published at every window for live metrics, so the constant parts are computed once. */
    LaneStats stats() {
        double seconds = step * stepUs / 1e6;
        ActivityCounts counts = session.counts();
        return new LaneStats(model.sensor(), stream.id(), stream.kind(), inputElements, inputSpikes,
                counts, windows, wakes, refused + fusionHeld, dense.invocations(), detections,
                energy.joules(counts, seconds), dense.nanos(), dense.macs(), dense.deviceJoules(),
                dense.device().onHostCpu(), dense.inputSparsity(), headMacs, model.head().footprintBytes(),
                frontSynapses, model.head());
    }

    private static long synapses(Network network) {
        long synapses = 0;
        for (Layer l : network.layers()) {
            synapses += l.synapses();
        }
        return synapses;
    }

    void close() {
        session.close();
    }
}
