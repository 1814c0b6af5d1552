package dev.vigil.bench;

import dev.vigil.bench.FrontEndWorkload.Input;
import dev.vigil.bench.FrontEndWorkload.SpikeLists;
import dev.vigil.runtime.hal.DeviceSession;
import dev.vigil.runtime.hal.Devices;
import dev.vigil.runtime.hal.NetworkCompiler;
import dev.vigil.runtime.hal.NeuromorphicDevice;
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

import java.util.concurrent.TimeUnit;

/**
 * The DVS front-end workload of {@code shared/bench/WORKLOAD.md}, timed as its section 7 defines: from
 * the mapped input pixels grouped by step (already in memory) to the per-step spike lists in memory,
 * single thread, each invocation starting from {@code v = 0}. One operation is one input event, so
 * the throughput score is events per second and {@code -prof gc}'s {@code gc.alloc.rate.norm} is
 * bytes per event. {@code fast50x} runs the 50x stream (5,883,350 events) on the fastest emulated
 * device; {@code reference1x} runs the 1x stream on the golden device (50x would take minutes).
 * Run: {@code tests/bench -f 1 -wi 3 -i 5 -prof gc FrontEnd}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class FrontEndBenchmark {
    private static final int EVENTS_1X = 117_667;
    private static final int EVENTS_50X = 50 * EVENTS_1X;

    private Input oneCopy;
    private Input fiftyCopies;
    private DeviceSession fast;
    private DeviceSession reference;
    private SpikeLists fastSpikes;
    private SpikeLists referenceSpikes;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        oneCopy = FrontEndWorkload.load(FrontEndWorkload.recording());
        fiftyCopies = oneCopy.replicate(50);
        fast = open("fast");
        reference = open("reference");
        fastSpikes = new SpikeLists(fiftyCopies.steps(), 4_000_000);
        referenceSpikes = new SpikeLists(oneCopy.steps(), 100_000);
    }

    private static DeviceSession open(String id) throws Exception {
        NeuromorphicDevice device = Devices.find(id).orElseThrow().create();
        return device.open(NetworkCompiler.compile(FrontEndWorkload.network(), device.capabilities()));
    }

    @TearDown(Level.Trial)
    public void checkAndClose() {
        verify(fastSpikes.digest(0, fiftyCopies.steps()).spikes(), 3_617_445, "fast 50x");
        verify(referenceSpikes.digest(0, oneCopy.steps()).spikes(), 71_339, "reference 1x");
        fast.close();
        reference.close();
    }

    private static void verify(long spikes, long expected, String what) {
        if (spikes != 0 && spikes != expected) {
            throw new IllegalStateException(what + ": " + spikes + " spikes, expected " + expected);
        }
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS_50X)
    public int fast50x() {
        fast.reset();
        FrontEndWorkload.run(fast, fiftyCopies, fastSpikes);
        return fastSpikes.size;
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS_1X)
    public int reference1x() {
        reference.reset();
        FrontEndWorkload.run(reference, oneCopy, referenceSpikes);
        return referenceSpikes.size;
    }
}
