package dev.vigil.bench;

import dev.vigil.runtime.bundle.BundleCodec;
import dev.vigil.runtime.bundle.ModelBundle;
import dev.vigil.runtime.cli.VigilCli;
import dev.vigil.runtime.config.ConfigLoader;
import dev.vigil.runtime.config.VigilConfig;
import dev.vigil.runtime.hal.Devices;
import dev.vigil.runtime.pipeline.Pipeline;
import dev.vigil.runtime.pipeline.PipelineRun;
import dev.vigil.sensors.Batch;
import dev.vigil.sensors.EventBatch;
import dev.vigil.sensors.SensorSource;
import dev.vigil.sensors.logs.LogFormats;
import dev.vigil.tests.TestPaths;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The event-camera lane with a convolutional NIR front end, in steady state: the fixture CNN
 * ({@code conv_dvs_sumpool_if.nir}, 2x34x34 -> 6 readouts) compiled for the fast device into a bundle, run by a
 * {@link PipelineRun} (encoder cropping onto 2x34x34, step binner, device, window counts, wake gate,
 * dense stage on wakes), fed the same recording again and again, each copy later in device time. One
 * operation is one input event, so the score is events per second and {@code -prof gc}'s
 * {@code gc.alloc.rate.norm} is bytes per event. {@code nmnist} feeds 20 copies of the N-MNIST sample
 * (4,325 events each, 34x34 fed one to one), {@code davis} one copy of the DAVIS346 recording (117,667
 * events, the workload of {@link FrontEndBenchmark}, centre 238x238 at 1/7).
 * Run: {@code tests/bench -f 1 -wi 3 -i 5 -prof gc ConvLane}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ConvLaneBenchmark {
    private static final int NMNIST_EVENTS = 4_325;
    private static final int NMNIST_COPIES = 20;
    private static final int DAVIS_EVENTS = 117_667;

    private Path dir;
    private PipelineRun nmnistLane;
    private PipelineRun davisLane;
    private Recording nmnist;
    private Recording davis;

    /** One recording's DVS events as one batch, and the device time between two copies of it. */
    private record Recording(EventBatch events, long periodUs) {

        static Recording load(Path file) throws Exception {
            EventBatch all = null;
            try (SensorSource source = LogFormats.open(file)) {
                Batch b;
                while ((b = source.next()) != null) {
                    if (b instanceof EventBatch e && e.size() > 0) {
                        all = all == null ? new EventBatch(e.stream(), DAVIS_EVENTS) : all;
                        for (int i = 0; i < e.size(); i++) {
                            all.add(e.t(i), e.x(i), e.y(i), e.p(i));
                        }
                    }
                }
            }
            long span = all.lastTimeUs() - all.firstTimeUs();
            return new Recording(all, (span / 50_000 + 1) * 50_000);
        }

        /** Moves the events one period later. */
        void shift() {
            long[] t = events.times();
            for (int i = 0; i < events.size(); i++) {
                t[i] += periodUs;
            }
        }
    }

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        dir = Files.createTempDirectory("vigil-conv-lane");
        Path bundle = dir.resolve("conv.vigil");
        int code = VigilCli.execute("compile", TestPaths.shared().resolve("data/nir/conv_dvs_sumpool_if.nir").toString(), "--device", "fast",
                "-o", bundle.toString());
        if (code != 0) {
            throw new IllegalStateException("vigil compile exited with " + code);
        }
        VigilConfig cfg = ConfigLoader.defaults();
        ModelBundle model = BundleCodec.read(bundle, cfg);
        nmnist = Recording.load(TestPaths.shared().resolve("data/event-camera/nmnist_tonic_sample.bin"));
        davis = Recording.load(TestPaths.shared().resolve("data/event-camera/davis346_aestream_example.aedat4"));
        check(nmnist, NMNIST_EVENTS);
        check(davis, DAVIS_EVENTS);
        nmnistLane = open(cfg, model, nmnist);
        davisLane = open(cfg, model, davis);
    }

    private static void check(Recording r, int expected) {
        if (r.events().size() != expected) {
            throw new IllegalStateException(r.events().size() + " events, expected " + expected);
        }
    }

    private static PipelineRun open(VigilConfig cfg, ModelBundle model, Recording r) throws Exception {
        return new Pipeline(cfg, Devices.find("fast").orElseThrow().create(), d -> { }).use(model)
                .start(List.of(r.events().stream()));
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        nmnistLane.close();
        davisLane.close();
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(dir);
    }

    @Benchmark
    @OperationsPerInvocation(NMNIST_COPIES * NMNIST_EVENTS)
    public void nmnist() {
        for (int c = 0; c < NMNIST_COPIES; c++) {
            nmnist.shift();
            nmnistLane.accept(nmnist.events());
        }
    }

    @Benchmark
    @OperationsPerInvocation(DAVIS_EVENTS)
    public void davis() {
        davis.shift();
        davisLane.accept(davis.events());
    }
}
