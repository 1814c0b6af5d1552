package dev.vigil.runtime.pipeline;

import dev.vigil.runtime.dense.DenseResult;
import dev.vigil.runtime.dense.DenseStage;
import dev.vigil.runtime.hal.ActivityCounts;
import dev.vigil.runtime.hal.DeviceSession;
import dev.vigil.runtime.network.Layer;
import dev.vigil.runtime.network.Network;
import dev.vigil.sensors.Batch;
import dev.vigil.sensors.SampleBatch;
import dev.vigil.sensors.StreamDescriptor;
import dev.vigil.wake.SpikeCountAccumulator;
import org.tinylog.Logger;


/**
 * One stream's path through the pipeline: the encoder's spikes are binned into steps run on the device
 * ({@link StepBinner}), the front end's output spikes are counted into windows, every window is judged
 * by the {@link WakeGate}, and when the gate says so the dense stage runs on the windows around the wake
 * and a detection goes to the sink, carrying what the lane spent since its previous one, part by part.
 */
final class SensorLane {
    /** Batches whose thread CPU time is read: one in 64. */
    private static final int CPU_SAMPLE_MASK = 63;
    private final LaneContext context;
    private final LaneModel model;
    private final StreamDescriptor stream;
    private final DeviceSession session;
    private final SpikeCountAccumulator accumulator;
    private final StepBinner binner;
    private final WakeGate gate;
    private final DenseStage dense;
    private final Acceptance acceptance;
    private long nonFiniteSamples;
    private final FeatureHead featureHead;
    private final LaneTiming timing;
    private final int[] tensor;
    private final long frontSynapses;
    private final long headMacs;
    private LiveLanes.LaneSettings settings;
    private long inputElements;
    private long detections;
    /** The dense part of the statistics, which changes only when the dense stage runs. */
    private LaneStats.Dense denseStats;
    private long batches;
    private long encoderWallNanos;
    private long sampledCpuNanos;
    private long sampledWallNanos;
    private long denseNanos;
    /** What the lane had spent at its previous detection, to give each detection its own share. */
    private DetectionEnergy spentAtLastDetection = new DetectionEnergy(0, 0, 0, 0, 0, 0);

    /** The lane of {@code stream}, running {@code model}, its front end in {@code session}. */
    SensorLane(LaneContext context, LaneModel model, StreamDescriptor stream, DeviceSession session) {
        this.context = context;
        this.model = model;
        this.stream = stream;
        this.session = session;
        this.timing = context.timing(model.stepUs());
        this.accumulator = new SpikeCountAccumulator(model.network().outputs(), timing.stepsPerHop(), timing.hopsPerWindow());
        this.binner = new StepBinner(session, timing, accumulator::spike, this::stepEnded);
        this.settings = context.live().settingsOf(model.sensor()).orElse(new LiveLanes.LaneSettings(true, model.wake()));
        this.gate = new WakeGate(model, timing.hopUs(), WakePolicies.build(settings.wake(), model.readouts()),
                context.fusion(), context.observer());
        this.dense = new DenseStage(model.head(), context.denseDevice());
        this.acceptance = new Acceptance(model.head().labels(), model.acceptScores());
        this.featureHead = context.featureHeads().get(stream.id());
        this.tensor = new int[gate.bufferSize()];
        this.frontSynapses = synapses(model.network());
        this.headMacs = model.head().macs();
        this.denseStats = denseStats();
    }

    void accept(Batch batch) {
        boolean sample = (batches++ & CPU_SAMPLE_MASK) == 0;
        long cpu0 = sample ? CpuClock.nanos() : 0;
        long wall0 = sample ? System.nanoTime() : 0;
        inputElements += batch.size();
        if (batch instanceof SampleBatch samples) {
            zeroNonFinite(samples);
            if (featureHead != null) {
                featureHead.append(samples);
            }
        }
        long steps = binner.stepNanos();
        long t0 = System.nanoTime();
        model.encoder().encode(batch, binner);
        encoderWallNanos += System.nanoTime() - t0 - (binner.stepNanos() - steps);
        binner.advanceTo(batch.lastTimeUs());
        if (sample) {
            sampledCpuNanos += CpuClock.nanos() - cpu0;
            sampledWallNanos += System.nanoTime() - wall0;
        }
    }

    /**
     * Takes NaN and infinite samples (a CSV cell reading "NaN", a driver's glitch) as 0, in the batch, so they
     * cannot stay in the encoder's filters and silence the lane; the log says so at the first and at every
     * doubling of the count.
     */
    private void zeroNonFinite(SampleBatch b) {
        float[] s = b.samples();
        int n = b.size() * b.channels();
        int bad = 0;
        for (int i = 0; i < n; i++) {
            if (!Float.isFinite(s[i])) {
                s[i] = 0;
                bad++;
            }
        }
        if (bad > 0) {
            long before = nonFiniteSamples;
            nonFiniteSamples += bad;
            if (Long.highestOneBit(before) != Long.highestOneBit(nonFiniteSamples)) {
                Logger.warn("lane {}: stream {} ({}) gave NaN or infinite samples, taken as 0: {} so far, the latest in the batch"
                        + " at {} us", model.sensor(), stream.id(), stream.name(), nonFiniteSamples, b.startUs());
            }
        }
    }

    /**
     * The share of wall time the lane's thread had a CPU, from the batches sampled: wall times measured per
     * step and batch (reading thread CPU time there would cost more than the work) times it are CPU times
     * even on a busy host.
     */
    private double cpuShare() {
        return sampledWallNanos == 0 ? 1 : Math.min(1, (double) sampledCpuNanos / sampledWallNanos);
    }

    /** Runs the remaining steps up to and including the step holding {@code endUs}. */
    void finish(long endUs) {
        binner.runThrough(endUs);
        int shortSteps = accumulator.stepsInHop();
        if (accumulator.closePartialHop()) {
            long end = binner.deviceTimeUs();
            judgeWindow(end - (accumulator.stepsPerWindow() - timing.stepsPerHop() + shortSteps) * timing.stepUs(), end);
        }
        if (gate.pending()) {
            runDense(gate.releaseAtEnd(binner.deviceTimeUs()));
        }
    }

    private void stepEnded(long endUs) {
        if (!accumulator.endStep()) {
            return;
        }
        takeLiveSettings();
        judgeWindow(endUs - accumulator.stepsPerWindow() * timing.stepUs(), endUs);
    }

    /** Judges the window that just closed, from {@code startUs} to {@code endUs}. */
    private void judgeWindow(long startUs, long endUs) {
        if (!settings.enabled()) {
            return;
        }
        boolean runsNow = gate.judge(startUs, endUs, accumulator.windowCounts());
        if (runsNow) {
            runDense(endUs);
        }
        publishStats();
        if (context.observer() != null) {
            context.observer().frontEnergy(model.sensor(), endUs, frontEnergyJ(session.counts()));
            context.observer().closed(model.sensor(), endUs);
        }
    }

    /** Takes changed live settings at a window boundary: a new wake policy starts fresh. */
    private void takeLiveSettings() {
        LiveLanes.LaneSettings now = context.live().settingsOf(model.sensor()).orElse(settings);
        if (now.equals(settings)) {
            return;
        }
        if (!now.wake().equals(settings.wake()) || !settings.enabled()) {
            gate.use(WakePolicies.build(now.wake(), model.readouts()));
        }
        Logger.info("lane {} takes new live settings: {}", model.sensor(), now);
        settings = now;
    }

    /** Runs the dense stage on the gate's windows for its wake, at device time {@code endUs}, and emits the detection. */
    private void runDense(long endUs) {
        String label = model.sensor();
        double score = 1.0;
        if (context.denseEnabled() && featureHead != null) {
            FeatureHead.Labelled result = featureHead.run();
            label = result.label();
            score = result.score();
        } else if (context.denseEnabled()) {
            gate.copyWindowsTo(tensor);
            long t0 = CpuClock.nanos();
            DenseResult result = dense.run(tensor);
            int answer = acceptance.answer(result.logits(), model.head().logitScale());
            denseNanos += CpuClock.nanos() - t0;
            label = model.head().labels().get(answer);
            score = acceptance.probability();
        }
        String id = DetectionIds.next();
        detections++;
        denseStats = denseStats();
        DetectionEnergy spent = spent();
        Detection d = new Detection(id, context.deviceId(), model.sensor(), stream.id(), label,
                Math.round(score * 1e4) / 1e4, endUs, gate.wakeStartUs(), gate.wakeReason(), gate.wakeCounts(),
                spent.minus(spentAtLastDetection));
        spentAtLastDetection = spent;
        publishStats();
        context.sink().accept(d);
    }

    private void publishStats() {
        if (context.live().statsWatched()) {
            context.live().publish(stats());
        }
    }

    private double frontEnergyJ(ActivityCounts counts) {
        return context.energy().joules(counts, binner.elapsedUs() / 1e6);
    }

    /** The encoder's CPU time so far, ns. */
    private long encoderNanos() {
        return Math.round(encoderWallNanos * cpuShare());
    }

    /** What the lane has spent since it started, in parts. */
    private DetectionEnergy spent() {
        LaneStats.Dense d = denseStats;
        return new DetectionEnergy(context.energy().dynamicJoules(session.counts()),
                context.energy().staticJoules(binner.elapsedUs() / 1e6), encoderNanos() / 1e9,
                (d.features().appendNanos() + d.features().computeNanos()) / 1e9, d.onCpu() ? d.nanos() / 1e9 : 0,
                d.deviceJ());
    }

    /**
     * A snapshot of the lane's figures; published at every window for live metrics, so the constant parts
     * are computed once and the dense part only when the dense stage ran (or, for a feature head, whose
     * sample keeping goes on between runs, at every snapshot).
     */
    LaneStats stats() {
        ActivityCounts counts = session.counts();
        LaneStats.FrontEnd front = new LaneStats.FrontEnd(inputElements, binner.inputSpikes(), counts,
                frontEnergyJ(counts), frontSynapses, binner.elapsedUs() / 1e6, encoderNanos(), context.energy());
        return new LaneStats(model.sensor(), stream.id(), stream.kind(), front, gate.stats(),
                featureHead == null ? denseStats : denseStats());
    }

    private LaneStats.Dense denseStats() {
        if (featureHead != null) {
            long perRun = featureHead.macsPerRun();
            return new LaneStats.Dense(featureHead.runs(), detections, featureHead.nanos(), featureHead.runs() * perRun,
                    featureHead.deviceJoules(), featureHead.onHostCpu(), Double.NaN, perRun,
                    perRun == 0 ? 0 : model.headFootprintBytes(), model.head(), featureHead.features(cpuShare()));
        }
        return new LaneStats.Dense(dense.invocations(), detections, denseNanos, dense.macs(), dense.deviceJoules(),
                dense.device().onHostCpu(), dense.inputSparsity(), headMacs, model.head().footprintBytes(), model.head(),
                LaneStats.Features.NONE);
    }

    private static long synapses(Network network) {
        long synapses = 0;
        for (Layer l : network.layers()) {
            synapses += l.synapses();
        }
        return synapses;
    }
}
