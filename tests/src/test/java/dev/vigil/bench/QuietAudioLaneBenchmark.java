package dev.vigil.bench;

import dev.vigil.runtime.config.ConfigLoader;
import dev.vigil.runtime.hal.Devices;
import dev.vigil.runtime.pipeline.Pipeline;
import dev.vigil.runtime.pipeline.PipelineRun;
import dev.vigil.sensors.SampleBatch;
import dev.vigil.sensors.StreamDescriptor;
import dev.vigil.sensors.StreamKind;
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

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * An audio lane whose dense stage is the ONNX keyword-spotter fixture on log-mel frames computed on
 * wake ({@code dense.model}), fed quiet noise that never wakes it: the path that runs for every
 * sample (ring append, encoder, front end on the fast device, windows, wake policy). One operation =
 * one sample of a 20 ms batch at 16 kHz; {@code -prof gc}'s {@code gc.alloc.rate.norm} is bytes per
 * sample. The tear-down refuses a run that woke. Run: {@code tests/bench -prof gc QuietAudioLane}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m", "--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class QuietAudioLaneBenchmark {
    private static final int FRAMES = 320;
    private static final long BATCH_US = 20_000;
    private PipelineRun run;
    private SampleBatch batch;
    private long timeUs;
    private long detections;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Path model = Path.of(System.getProperty("vigil.root", ".")).resolve("runtime/onnx/src/test/resources/dev/vigil/drivers/onnx/kws-fixture.onnx");
        var config = ConfigLoader.parse("dense:\n  device: onnx\n  model: " + model + "\n  labels: [yes, no, speech, background]\n", "bench");
        StreamDescriptor audio = StreamDescriptor.sampled(0, StreamKind.AUDIO, "audio", 16_000, 1, "");
        run = new Pipeline(config, Devices.find("fast").orElseThrow().create(), d -> detections++).start(List.of(audio));
        batch = new SampleBatch(audio, FRAMES);
        SplittableRandom random = new SplittableRandom(1);
        float[] s = batch.samples();
        for (int i = 0; i < FRAMES; i++) {
            s[i] = (float) (random.nextGaussian() * 1e-4);
        }
    }

    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public long quietBatch() {
        batch.set(timeUs, FRAMES);
        timeUs += BATCH_US;
        run.accept(batch);
        return timeUs;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        run.close();
        if (detections != 0) {
            throw new IllegalStateException("the quiet lane woke " + detections + " times: the figure is not the no-wake path");
        }
    }
}
