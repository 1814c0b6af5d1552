package dev.vigil.runtime.pipeline;

import dev.vigil.runtime.hal.ActivityCounts;
import dev.vigil.runtime.hal.DeviceSession;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Input spikes become one batch per step, counted from the origin; empty steps still run. */
class StepBinnerTest {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final LaneTiming TIMING = new LaneTiming(10_000, 1_000, 50, 1);

    /** Keeps each step's batch; answers every step with one output spike on readout 0. */
    private static class RecordingSession implements DeviceSession {
        final List<int[]> batches = new ArrayList<>();
        int injectCalls;

        @Override
        public void inject(int input) {
            throw new AssertionError("spikes go in as one batch per step");
        }

        @Override
        public void inject(int[] spikes, int from, int to) {
            injectCalls++;
            batches.add(Arrays.copyOfRange(spikes, from, to));
        }

        @Override
        public void step(IntConsumer outputSpikes) {
            outputSpikes.accept(0);
        }

        @Override
        public int[] potentials(int layer) {
            return new int[0];
        }

        @Override
        public ActivityCounts counts() {
            return new ActivityCounts(0, 0, 0, 0, batches.size());
        }

        @Override
        public void reset() {
            batches.clear();
        }

        @Override
        public void close() {
        }
    }

    @Test
    void spikesAreBinnedByStepFromTheOriginAndEmptyStepsStillRun() {
        RecordingSession session = new RecordingSession();
        List<Long> stepEnds = new ArrayList<>();
        int[] outputs = new int[1];
        StepBinner binner = new StepBinner(session, TIMING, n -> outputs[n]++, stepEnds::add);
        binner.spike(9_000, 7);      // before the origin: step 0
        binner.spike(10_999, 3);     // still step 0
        binner.spike(11_000, 5);     // step 1
        binner.spike(14_500, 2);     // step 4: steps 1..3 end first, 2 and 3 without input
        binner.runThrough(15_000);   // ends steps 4 and 5 (the step holding 15 000)
        assertEquals(6, session.batches.size());
        assertEquals(List.of(List.of(7, 3), List.of(5), List.of(), List.of(), List.of(2), List.of()),
                session.batches.stream().map(b -> Arrays.stream(b).boxed().toList()).toList());
        assertEquals(List.of(11_000L, 12_000L, 13_000L, 14_000L, 15_000L, 16_000L), stepEnds);
        assertEquals(6, outputs[0], "each step's output spikes reach the consumer");
        assertEquals(4, binner.inputSpikes());
        assertEquals(16_000, binner.deviceTimeUs());
        assertEquals(6_000, binner.elapsedUs());
    }

    @Test
    void steadyStateBinningAllocatesNothingPerSpikeOrStep() {
        long[] sum = new long[1];
        DeviceSession counting = new RecordingSession() {
            @Override
            public void inject(int[] spikes, int from, int to) {
                for (int k = from; k < to; k++) {
                    sum[0] += spikes[k];
                }
            }
        };
        long[] ends = new long[1];
        StepBinner binner = new StepBinner(counting, TIMING, n -> sum[0] += n, t -> ends[0] = t);
        long[] time = {TIMING.originUs()};
        Runnable round = () -> {
            for (int i = 0; i < 200_000; i++) {
                binner.spike(time[0], i & 63);
                time[0] += (i % 500 == 0) ? 3_000 : 7;
            }
        };
        round.run();
        long before = THREADS.getCurrentThreadAllocatedBytes();
        round.run();
        long bytes = THREADS.getCurrentThreadAllocatedBytes() - before;
        assertTrue(bytes < 200, bytes + " bytes allocated for 200 000 spikes over " + (ends[0] - TIMING.originUs()) / 1000 + " steps");
        assertTrue(sum[0] > 0);
    }
}
