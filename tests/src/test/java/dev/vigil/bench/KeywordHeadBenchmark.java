package dev.vigil.bench;

import dev.vigil.runtime.dense.DenseDevices;
import dev.vigil.runtime.dense.DenseExecutor;
import dev.vigil.runtime.dense.Int8Model;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The int8 keyword head per inference: a DS-CNN-like model ({@link KeywordHeads}) on a 1 × 40 × 98
 * int8 log-mel map, on the golden CPU engine and on the emulated NorthPole-class device (which on a
 * real chip would not use the host CPU; here it is its emulation that is timed). One operation is one
 * inference (µs, B/op with {@code -prof gc}); the setup prints each model's MACs.
 * Run: {@code tests/bench -f 1 -wi 3 -i 5 -prof gc KeywordHead}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class KeywordHeadBenchmark {
    /** Channels of every layer: 64 as DS-CNN-S, 32 for a smaller head. */
    @Param({"32", "64"})
    public int channels;
    @Param({"cpu", "northpole"})
    public String device;
    private DenseExecutor executor;
    private int[] input;
    private int[] logits;

    @Setup
    public void setUp() {
        Int8Model model = KeywordHeads.dsCnn(channels, 5);
        executor = DenseDevices.find(device).orElseThrow().load(model);
        input = KeywordHeads.input(6);
        logits = new int[model.labels().size()];
        System.out.printf("%n%s: %,d MACs per inference, %,d bytes of weights and biases%n", model.name(), model.macs(),
                model.footprintBytes());
    }

    @Benchmark
    public int inference() {
        executor.run(input, logits);
        return logits[0];
    }
}
