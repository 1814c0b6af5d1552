package dev.vigil.sensors.features;

import dev.vigil.sensors.EventBatch;
import dev.vigil.sensors.StreamDescriptor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Event-count frames of hand-made events, counted by hand. */
class EventFramesTest {

    @Test
    void countsPolaritiesPerCellInsideTheRegionAndTheSpan() {
        // a 10x8 sensor; region 8x6 at (1, 2), binned by 3: a 2 x 2 x 3 frame
        EventFrames frames = new EventFrames(new EventFrameSettings(10, 8, 1, 2, 8, 6, 3));
        EventRing ring = new EventRing(64);
        EventBatch b = new EventBatch(StreamDescriptor.dvs(0, "d", 10, 8), 16);
        b.add(100, 1, 2, 1);   // ON, cell (0, 0)
        b.add(110, 3, 4, 1);   // ON, cell (0, 0)
        b.add(120, 4, 2, 0);   // OFF, cell (1, 0)
        b.add(130, 8, 7, 1);   // ON, cell (2, 1)
        b.add(140, 0, 3, 1);   // left of the region: not counted
        b.add(150, 9, 7, 0);   // right of the region (x = 9 >= 1 + 8): not counted
        b.add(160, 5, 5, 0);   // OFF, cell (1, 1)
        b.add(200, 5, 5, 0);   // at the end of the span: not counted
        ring.append(b);
        int[] out = new int[12];
        assertEquals(5, frames.compute(ring, 100, 200, out));
        // channel 0 (OFF): row 0 = [0, 1, 0], row 1 = [0, 1, 0]; channel 1 (ON): row 0 = [2, 0, 0], row 1 = [0, 0, 1]
        assertArrayEquals(new int[] {0, 1, 0, 0, 1, 0, 2, 0, 0, 0, 0, 1}, out);
        assertEquals(3, frames.compute(ring, 111, 161, out));
        assertArrayEquals(new int[] {0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1}, out);
    }

    @Test
    void aSpanOlderThanTheRingSeesOnlyWhatIsHeld() {
        EventFrames frames = new EventFrames(EventFrameSettings.wholeSensor(4, 4, 1));
        EventRing ring = new EventRing(3);
        for (int i = 0; i < 5; i++) {
            ring.append(1000 + i, i % 4, 0, 1);
        }
        assertEquals(1002, ring.oldestTimeUs());
        int[] out = new int[32];
        assertEquals(3, frames.compute(ring, 0, 2000, out));
        // ON events at x = 2, 3, 0 (times 1002..1004)
        assertEquals(1, out[16]);
        assertEquals(0, out[17]);
        assertEquals(1, out[18]);
        assertEquals(1, out[19]);
    }

    @Test
    void refusesARegionOutsideTheSensor() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new EventFrameSettings(346, 260, 300, 0, 64, 64, 2));
        assertEquals("event frame region 64x64 at (300, 0) binned by 2 must lie inside the 346x260 sensor", e.getMessage());
        assertEquals(2 * 130 * 173, EventFrameSettings.wholeSensor(346, 260, 2).size());
    }
}
