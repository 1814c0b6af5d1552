package dev.vigil.bench;

import dev.vigil.drivers.accel.fast.FastDevice;
import dev.vigil.runtime.compile.CompilationResult;
import dev.vigil.runtime.compile.ModelCompiler;
import dev.vigil.runtime.hal.DeviceSession;
import dev.vigil.runtime.simulate.SpikeInput;
import dev.vigil.runtime.simulate.SpikeInputs;
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

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * The NIR fixture {@code conv_dvs_sumpool_if} (a spiking CNN for 2x34x34 event input, shared/data/nir)
 * compiled for the fast device, fed the N-MNIST sample as 1 ms frames (310 steps, 4,323 events), from
 * the events already in memory to the output spikes counted. One operation is one input event: the
 * score is events per second and {@code -prof gc}'s {@code gc.alloc.rate.norm} is bytes per event.
 * Each invocation starts from the initial state. Run: {@code tests/bench -f 1 -wi 3 -i 5 -prof gc NirConv}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class NirConvBenchmark {
    private static final int EVENTS = 4_323;
    /** The fixture's reference output spikes over the sample (fixtures_reference.json). */
    private static final int OUTPUT_SPIKES = 223;

    private int[][] events;
    private DeviceSession session;
    private final Counter counter = new Counter();

    /** Counts output spikes without allocating. */
    private static final class Counter implements IntConsumer {
        int spikes;

        @Override
        public void accept(int neuron) {
            spikes++;
        }
    }

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Path nir = Path.of(System.getProperty("vigil.shared", "../shared"), "data", "nir");
        FastDevice fast = new FastDevice();
        CompilationResult compiled = ModelCompiler.compile(nir.resolve("conv_dvs_sumpool_if.nir"),
                fast.capabilities(), 1e-3);
        SpikeInput input = SpikeInputs.read(nir.resolve("nmnist_sample_frames_1ms.csv"), compiled.inputShape());
        if (input.total() != EVENTS) {
            throw new IllegalStateException(input.total() + " input events, expected " + EVENTS);
        }
        events = input.events();
        session = fast.open(compiled.program());
    }

    @TearDown(Level.Trial)
    public void checkAndClose() {
        session.close();
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public int fastConvFixture() {
        session.reset();
        counter.spikes = 0;
        for (int[] step : events) {
            session.inject(step, 0, step.length);
            session.step(counter);
        }
        if (counter.spikes != OUTPUT_SPIKES) {
            throw new IllegalStateException(counter.spikes + " output spikes, expected " + OUTPUT_SPIKES);
        }
        return counter.spikes;
    }
}
