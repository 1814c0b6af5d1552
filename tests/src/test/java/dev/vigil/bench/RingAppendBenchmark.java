package dev.vigil.bench;

import dev.vigil.sensors.EventBatch;
import dev.vigil.sensors.SampleBatch;
import dev.vigil.sensors.StreamDescriptor;
import dev.vigil.sensors.StreamKind;
import dev.vigil.sensors.features.EventRing;
import dev.vigil.sensors.features.SampleRing;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The feature path that runs when nothing wakes: appending the stream to the rings the features are
 * later computed from. One operation is one sample or event, so the score is ns per sample and
 * {@code -prof gc}'s {@code gc.alloc.rate.norm} bytes per sample (expected: 0). Audio arrives in 20 ms
 * batches of 320 samples at 16 kHz into a 4 s ring; vibration in 1,200-sample batches of three axes
 * (one kept) into a 10 s ring at 12 kHz; events in batches of 4,096 into a 200,000-event ring.
 * Run: {@code tests/bench -f 1 -wi 3 -i 5 -prof gc RingAppend}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class RingAppendBenchmark {
    private SampleRing audioRing;
    private SampleRing vibrationRing;
    private EventRing eventRing;
    private SampleBatch audio;
    private SampleBatch vibration;
    private EventBatch events;

    @Setup
    public void setUp() {
        SplittableRandom r = new SplittableRandom(2);
        audio = new SampleBatch(StreamDescriptor.sampled(0, StreamKind.AUDIO, "mic", 16_000, 1, "FS"), 320);
        for (int i = 0; i < 320; i++) {
            audio.samples()[i] = (float) r.nextDouble(-0.2, 0.2);
        }
        audio.set(0, 320);
        vibration = new SampleBatch(StreamDescriptor.sampled(1, StreamKind.VIBRATION, "acc", 12_000, 3, "g"), 1200);
        for (int i = 0; i < 3600; i++) {
            vibration.samples()[i] = (float) r.nextGaussian();
        }
        vibration.set(0, 1200);
        events = new EventBatch(StreamDescriptor.dvs(2, "dvs", 346, 260), 4096);
        for (int i = 0; i < 4096; i++) {
            events.add(i * 3L, r.nextInt(346), r.nextInt(260), i & 1);
        }
        audioRing = SampleRing.forSpan(4, 16_000);
        vibrationRing = SampleRing.forSpan(10, 12_000);
        eventRing = new EventRing(200_000);
    }

    @Benchmark
    @OperationsPerInvocation(320)
    public long audioSamples() {
        audioRing.append(audio, 0);
        return audioRing.written();
    }

    @Benchmark
    @OperationsPerInvocation(1200)
    public long vibrationSamples() {
        vibrationRing.append(vibration, 0);
        return vibrationRing.written();
    }

    @Benchmark
    @OperationsPerInvocation(4096)
    public long events() {
        eventRing.append(events);
        return eventRing.written();
    }
}
