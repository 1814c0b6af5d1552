package dev.vigil.bench;

import dev.vigil.runtime.config.ConfigLoader;
import dev.vigil.runtime.config.VigilConfig;
import dev.vigil.runtime.hal.Devices;
import dev.vigil.runtime.hal.NeuromorphicDevice;
import dev.vigil.runtime.pipeline.Pipeline;
import dev.vigil.runtime.pipeline.RunSummary;
import dev.vigil.sensors.replay.ReplayClock;
import dev.vigil.sensors.vlog.VlogReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Path;

/**
 * The whole pipeline on the bundled 6 s scene (24,331 DVS events, 96,000 audio and 72,000 vibration
 * samples = 192,331 input elements): decode, encode, front end on the reference device, windows, wake
 * policy, dense stage on wake. One operation = one input element, so the score is elements/s and
 * {@code -prof gc}'s {@code gc.alloc.rate.norm} is bytes allocated per element.
 * Run: {@code tests/bench -prof gc Pipeline}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PipelineBenchmark {
    private static final int ELEMENTS = 24_331 + 96_000 + 72_000;
    /** The HAL device running the front end: the golden reference (allocates per step by design) or the fast emulation. */
    @Param({"reference", "fast"})
    public String device;
    private VigilConfig config;
    private Path log;
    private NeuromorphicDevice hal;

    @Setup
    public void setUp() {
        config = ConfigLoader.defaults();
        log = Path.of(System.getProperty("vigil.root", ".")).resolve("examples/demo.vlog");
        hal = Devices.find(device).orElseThrow().create();
    }

    @Benchmark
    @OperationsPerInvocation(ELEMENTS)
    public long demoScene() throws Exception {
        try (VlogReader reader = new VlogReader(log)) {
            RunSummary s = new Pipeline(config, hal, d -> { }).run(reader, ReplayClock.asFastAsPossible());
            return s.wakes();
        }
    }
}
