package dev.vigil.runtime.learn;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OtherVoiceTest {
    private static final int BANDS = 40;
    private static final int FRAMES = 98;

    /** A tone in band {@code peak} on a quiet floor, every frame. */
    private static float[] tone(int peak) {
        float[] v = new float[BANDS * FRAMES];
        Arrays.fill(v, -10f);
        Arrays.fill(v, peak * FRAMES, (peak + 1) * FRAMES, 5f);
        return v;
    }

    @Test
    void aToneMovesByTheStretchAndNoFurther() {
        int peak = 20;
        boolean moved = false;
        OtherVoice voice = new OtherVoice(BANDS, BANDS * FRAMES);
        SplittableRandom rnd = new SplittableRandom(3);
        for (int run = 0; run < 200; run++) {
            float[] v = tone(peak);
            voice.apply(v, rnd);
            int frame = FRAMES / 2;
            int best = -1;
            for (int b = 0; b < BANDS; b++) {
                if (best < 0 || v[b * FRAMES + frame] > v[best * FRAMES + frame]) {
                    best = b;
                }
            }
            if (v[best * FRAMES + frame] <= -9f) {
                continue;
            }
            assertTrue(best >= Math.floor(peak * OtherVoice.MIN_STRETCH) && best <= Math.ceil(peak * OtherVoice.MAX_STRETCH),
                    "run " + run + ": the tone went from band " + peak + " to " + best);
            moved |= best != peak;
        }
        assertTrue(moved, "in 200 draws the stretch never moved the tone");
    }

    @Test
    void theTiltStaysWithinItsBoundAndMasksTakeTheQuietestValue() {
        OtherVoice voice = new OtherVoice(BANDS, BANDS * FRAMES);
        SplittableRandom rnd = new SplittableRandom(5);
        double bound = OtherVoice.MAX_TILT_DB / 10 * Math.log(10) / 2 + 1e-5;
        for (int run = 0; run < 100; run++) {
            float[] v = new float[BANDS * FRAMES];
            Arrays.fill(v, 1f);
            v[0] = -3f;
            voice.apply(v, rnd);
            for (int i = 0; i < v.length; i++) {
                assertTrue(v[i] == -3f || Math.abs(v[i] - 1f) <= bound || i % FRAMES == 0, "value " + i + " = " + v[i]);
            }
        }
    }

    @Test
    void theSameDrawsGiveTheSameSpanAndOthersAnother() {
        float[] a = tone(12);
        float[] b = tone(12);
        float[] c = tone(12);
        new OtherVoice(BANDS, a.length).apply(a, new SplittableRandom(9));
        new OtherVoice(BANDS, b.length).apply(b, new SplittableRandom(9));
        new OtherVoice(BANDS, c.length).apply(c, new SplittableRandom(10));
        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(a, c));
    }

    @Test
    void aMapThatIsNotWholeFramesIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new OtherVoice(40, 41));
        assertEquals("log-mel augmentation needs at least 2 bands and whole frames, got 40 bands for 41 values", e.getMessage());
    }
}
