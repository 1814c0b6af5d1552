package dev.vigil.bench;

import dev.vigil.runtime.config.ConfigLoader;
import dev.vigil.runtime.hal.Devices;
import dev.vigil.runtime.pipeline.Pipeline;
import dev.vigil.runtime.pipeline.PipelineRun;
import dev.vigil.sensors.Batch;
import dev.vigil.sensors.EventBatch;
import dev.vigil.sensors.SampleBatch;
import dev.vigil.sensors.SensorSource;
import dev.vigil.sensors.StreamDescriptor;
import dev.vigil.sensors.logs.LogFormats;
import dev.vigil.sensors.synth.SceneGenerator;
import dev.vigil.sensors.synth.SceneSource;
import dev.vigil.sensors.synth.SceneSpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The issue-15 targets in steady state, default config, fast device, one thread, through a
 * {@link PipelineRun} (encoders, step binning, front end, windows, wake policy, dense stage on wakes):
 * <ul>
 *   <li>{@code audioVibration}: the demo scene's 16 kHz audio and 12 kHz vibration (168,000 samples,
 *       6 s, replayed later in device time each time). One operation = one sample; 1 h of both is
 *       100.8 M samples, so the real-time factor is {@code score / 28,000} and 1 h takes
 *       {@code 100.8e6 / score} s (target ≤ 3.6 s). The scene holds a speech burst and a bearing fault, so
 *       its allocation includes what their wakes, detections and active wake decisions allocate.</li>
 *   <li>{@code audioVibrationIdle}: the scene's first {@value #IDLE_US} µs, before any event, looped: what an
 *       idle pair of lanes allocates per sample (target 0 B).</li>
 *   <li>{@code eventCameraDavis}: the event camera's built-in lane (filters, grid, front end) on the
 *       DAVIS346 recording (117,667 events, one batch, shifted by its length each time). One
 *       operation = one event (target ≥ 10 M events/s).</li>
 * </ul>
 * {@code -prof gc}'s {@code gc.alloc.rate.norm} is bytes per sample/event.
 * Run: {@code tests/bench -prof gc AlwaysOn}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class AlwaysOnBenchmark {
    private static final int AUDIO_VIBRATION_SAMPLES = 96_000 + 72_000;
    private static final long SCENE_US = 6_000_000;
    private static final int DAVIS_EVENTS = 117_667;
    /** The demo scene's stretch before its first audio or vibration event (speech from 3.0 s). */
    static final long IDLE_US = 2_800_000;
    private static final int IDLE_SAMPLES = 2_800 * 16 + 2_800 * 12;

    private final List<SampleBatch> scene = new ArrayList<>();
    private final List<SampleBatch> idle = new ArrayList<>();
    private PipelineRun audioVibrationRun;
    private PipelineRun idleRun;
    private EventBatch davis;
    private long davisPeriodUs;
    private PipelineRun davisRun;
    private long detections;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        var cfg = ConfigLoader.defaults();
        List<StreamDescriptor> streams = SceneGenerator.streams().subList(SceneGenerator.AUDIO_ID, SceneGenerator.VIBRATION_ID + 1);
        int samples = 0;
        try (SceneSource source = new SceneSource(new SceneGenerator(SceneSpec.demo(7)))) {
            for (Batch b; (b = source.next()) != null; ) {
                if (b instanceof SampleBatch s) {
                    SampleBatch c = new SampleBatch(s.stream(), s.size());
                    System.arraycopy(s.samples(), 0, c.samples(), 0, s.size() * s.channels());
                    c.set(s.startUs(), s.size());
                    scene.add(c);
                    samples += s.size();
                    if (s.lastTimeUs() < IDLE_US) {
                        SampleBatch q = new SampleBatch(s.stream(), s.size());
                        System.arraycopy(s.samples(), 0, q.samples(), 0, s.size() * s.channels());
                        q.set(s.startUs(), s.size());
                        idle.add(q);
                    }
                }
            }
        }
        if (samples != AUDIO_VIBRATION_SAMPLES) {
            throw new IllegalStateException(samples + " audio and vibration samples, expected " + AUDIO_VIBRATION_SAMPLES);
        }
        audioVibrationRun = new Pipeline(cfg, Devices.find("fast").orElseThrow().create(), d -> detections++).start(streams);
        int idleSamples = idle.stream().mapToInt(SampleBatch::size).sum();
        if (idleSamples != IDLE_SAMPLES) {
            throw new IllegalStateException(idleSamples + " samples before the first event, expected " + IDLE_SAMPLES);
        }
        idleRun = new Pipeline(cfg, Devices.find("fast").orElseThrow().create(), d -> detections++).start(streams);
        try (SensorSource source = LogFormats.open(FrontEndWorkload.recording())) {
            for (Batch b; (b = source.next()) != null; ) {
                if (b instanceof EventBatch e && e.size() > 0) {
                    davis = davis == null ? new EventBatch(e.stream(), DAVIS_EVENTS) : davis;
                    for (int i = 0; i < e.size(); i++) {
                        davis.add(e.t(i), e.x(i), e.y(i), e.p(i));
                    }
                }
            }
        }
        if (davis.size() != DAVIS_EVENTS) {
            throw new IllegalStateException(davis.size() + " DAVIS346 events, expected " + DAVIS_EVENTS);
        }
        davisPeriodUs = ((davis.lastTimeUs() - davis.firstTimeUs()) / 50_000 + 1) * 50_000;
        davisRun = new Pipeline(cfg, Devices.find("fast").orElseThrow().create(), d -> detections++).start(List.of(davis.stream()));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        audioVibrationRun.close();
        idleRun.close();
        davisRun.close();
    }

    @Benchmark
    @OperationsPerInvocation(AUDIO_VIBRATION_SAMPLES)
    public void audioVibration() {
        for (SampleBatch b : scene) {
            audioVibrationRun.accept(b);
        }
        for (SampleBatch b : scene) {
            b.set(b.startUs() + SCENE_US, b.size());
        }
    }

    @Benchmark
    @OperationsPerInvocation(IDLE_SAMPLES)
    public void audioVibrationIdle() {
        for (SampleBatch b : idle) {
            idleRun.accept(b);
        }
        for (SampleBatch b : idle) {
            b.set(b.startUs() + IDLE_US, b.size());
        }
    }

    @Benchmark
    @OperationsPerInvocation(DAVIS_EVENTS)
    public void eventCameraDavis() {
        long[] t = davis.times();
        for (int i = 0; i < davis.size(); i++) {
            t[i] += davisPeriodUs;
        }
        davisRun.accept(davis);
    }
}
