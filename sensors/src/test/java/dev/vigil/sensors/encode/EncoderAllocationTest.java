package dev.vigil.sensors.encode;

import dev.vigil.sensors.EventBatch;
import dev.vigil.sensors.SampleBatch;
import dev.vigil.sensors.StreamDescriptor;
import dev.vigil.sensors.StreamKind;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hot path allocates nothing per event: encoders and filters in steady state, measured per thread. The least
 * of five measured rounds counts: an allocation per event shows in every round, while a one-off by the JIT
 * compiling a method mid-round (736 bytes in one CI run) does not make the encoders allocate per event.
 */
class EncoderAllocationTest {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private static long allocated(Runnable r) {
        long before = THREADS.getCurrentThreadAllocatedBytes();
        r.run();
        return THREADS.getCurrentThreadAllocatedBytes() - before;
    }

    @Test
    void steadyStateEncodingAllocatesLessThanOneBytePerThousandEvents() {
        long[] spikes = new long[1];
        SpikeSink sink = (t, ch) -> spikes[0] += ch;
        StreamDescriptor dvs = StreamDescriptor.dvs(0, "d", 128, 128);
        EventBatch events = new EventBatch(dvs, 4096);
        Random r = new Random(3);
        DvsGridEncoder grid = new DvsGridEncoder(64, 64, 16, 12, new DvsEventFilter(128, 128,
                new DvsFilterSettings(0, 0, -1, -1, 10_000, 50, 200, 2_000, 1)));
        StreamDescriptor vib = StreamDescriptor.sampled(1, StreamKind.VIBRATION, "v", 12_000, 1, "g");
        SampleBatch samples = new SampleBatch(vib, 1200);
        for (int i = 0; i < 1200; i++) {
            samples.samples()[i] = (float) (r.nextGaussian() * 0.1 + (i % 74 == 0 ? 1 : 0));
        }
        SpikeEncoder vibration = new CompositeEncoder(new BandDeltaEncoder(12_000, 12, 20, 5000, 3, -50, 4, 1000),
                new EnvelopeEncoder(12_000, 1, 2000, 4500, 500, new double[] {107, 162, 70}, 2.5));
        long[] t = {0};
        Runnable round = () -> {
            for (int b = 0; b < 100; b++) {
                events.clear();
                for (int i = 0; i < 4096; i++) {
                    events.add(t[0] + i * 2L, r.nextInt(128), r.nextInt(128), i & 1);
                }
                t[0] += 8192;
                grid.encode(events, sink);
                samples.set(t[0], 1200);
                vibration.encode(samples, sink);
            }
        };
        for (int warm = 0; warm < 10; warm++) {
            round.run();
        }
        long bytes = Long.MAX_VALUE;
        for (int measured = 0; measured < 5; measured++) {
            bytes = Math.min(bytes, allocated(round));
        }
        long elements = 100L * (4096 + 1200);
        assertTrue(bytes * 1000 < elements, bytes + " bytes allocated for " + elements + " events and samples");
        assertTrue(spikes[0] != 0);
    }
}
