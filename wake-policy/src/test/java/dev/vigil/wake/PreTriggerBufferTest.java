package dev.vigil.wake;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class PreTriggerBufferTest {

    @Test
    void holdsExactlyTheConfiguredSpanOldestFirst() {
        // 200 ms before a 50 ms window = 4 windows before + the window itself
        int windows = PreTriggerBuffer.windowsFor(200_000, 50_000);
        assertEquals(5, windows);
        assertEquals(6, PreTriggerBuffer.windowsFor(201_000, 50_000), "a partial window is kept whole");
        PreTriggerBuffer b = new PreTriggerBuffer(2, windows);
        for (int w = 1; w <= 12; w++) {
            b.push(w * 50_000L, new int[] {w, -w});
        }
        int[] out = new int[b.size()];
        b.copyTo(out);
        assertArrayEquals(new int[] {8, -8, 9, -9, 10, -10, 11, -11, 12, -12}, out);
        assertEquals(12 * 50_000L - 200_000L, b.oldestEndUs(), "oldest row ends exactly the span before the newest");
    }

    @Test
    void windowsNotSeenYetAreZero() {
        PreTriggerBuffer b = new PreTriggerBuffer(1, 3);
        b.push(0, new int[] {7});
        int[] out = new int[3];
        b.copyTo(out);
        assertArrayEquals(new int[] {0, 0, 7}, out);
    }
}
