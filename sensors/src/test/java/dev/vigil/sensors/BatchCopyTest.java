package dev.vigil.sensors;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Copies of reused batches hold their own data; shifting moves device time only. */
class BatchCopyTest {

    @Test
    void aSampleBatchCopyKeepsItsFramesWhenTheOriginalIsReused() {
        SampleBatch b = new SampleBatch(StreamDescriptor.sampled(0, StreamKind.VIBRATION, "v", 1000, 2, "g"), 8);
        float[] s = b.samples();
        for (int i = 0; i < 6; i++) {
            s[i] = i + 0.5f;
        }
        b.set(2_000, 3);
        SampleBatch c = b.copy();
        s[0] = -1;
        b.set(9_000, 1);
        assertEquals(3, c.size());
        assertEquals(2_000, c.firstTimeUs());
        assertArrayEquals(new float[] {0.5f, 1.5f, 2.5f, 3.5f, 4.5f, 5.5f}, c.copyOfSamples());
        c.shiftTime(1_000_000);
        assertEquals(1_002_000, c.firstTimeUs());
        assertEquals(1_004_000, c.lastTimeUs());
    }

    @Test
    void anEventBatchCopyKeepsItsEventsWhenTheOriginalIsReused() {
        EventBatch b = new EventBatch(StreamDescriptor.dvs(0, "d", 10, 8), 2);
        b.add(10, 1, 2, 1);
        b.add(15, 3, 4, 0);
        b.add(20, 9, 7, 1);
        EventBatch c = b.copy();
        b.clear();
        b.add(99, 0, 0, 0);
        assertEquals(3, c.size());
        assertEquals(20, c.t(2));
        assertEquals(9, c.x(2));
        assertEquals(7, c.y(2));
        assertEquals(1, c.p(2));
        c.shiftTime(100);
        assertEquals(110, c.firstTimeUs());
        assertEquals(120, c.lastTimeUs());
        assertEquals(99, b.t(0));
    }
}
