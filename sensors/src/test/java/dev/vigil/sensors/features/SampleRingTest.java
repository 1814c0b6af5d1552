package dev.vigil.sensors.features;

import dev.vigil.sensors.SampleBatch;
import dev.vigil.sensors.StreamDescriptor;
import dev.vigil.sensors.StreamKind;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SampleRingTest {

    @Test
    void keepsTheNewestSamplesOfOneChannelAcrossTheWrap() {
        SampleRing ring = new SampleRing(5);
        SampleBatch b = new SampleBatch(StreamDescriptor.sampled(0, StreamKind.VIBRATION, "v", 100, 2, "g"), 4);
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 4; i++) {
                b.samples()[2 * i] = round * 4 + i;
                b.samples()[2 * i + 1] = -1;
            }
            b.set(0, 4);
            ring.append(b, 0);
        }
        assertEquals(12, ring.written());
        float[] out = new float[5];
        ring.copyLast(5, out);
        assertArrayEquals(new float[] {7, 8, 9, 10, 11}, out);
        ring.copy(10, 3, out);
        assertArrayEquals(new float[] {7, 8, 9}, new float[] {out[0], out[1], out[2]});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ring.copy(12, 6, new float[6]));
        assertEquals("samples 6 .. 12 are not all held (ring holds 7 .. 12)", e.getMessage());
    }

    @Test
    void samplesBeforeTheFirstReadAsSilence() {
        SampleRing ring = SampleRing.forSpan(0.1, 100);
        ring.append(new float[] {1, 2, 3}, 0, 3);
        float[] out = new float[6];
        ring.copyLast(6, out);
        assertArrayEquals(new float[] {0, 0, 0, 1, 2, 3}, out);
        assertEquals(10, ring.capacity());
    }
}
