package dev.vigil.sensors.synth;

import dev.vigil.sensors.Batch;
import dev.vigil.sensors.EventBatch;
import dev.vigil.sensors.SampleBatch;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The allocation-free generator writes exactly what the StrictMath one did, and its sine is StrictMath's. */
class SceneGeneratorTest {

    @Test
    void longSeededScenesAreBitEqualToTheLegacyGenerator() {
        // 50 s: the vibration's 3 kHz argument passes 2^19·π/2 (StrictTrig's fallback) at about 43.7 s
        SceneSpec longScene = new SceneSpec(1234, 50.0, 3.0, 9.5, 10.0, 22.0, 30.0, 49.0);
        assertEquals(50 * 100 * 3, compareWithLegacy(longScene));
        assertEquals(6 * 100 * 3, compareWithLegacy(SceneSpec.demo(7)));
        SceneSpec fastEdge = new SceneSpec(99, 1.0, 0.2, 0.23, 0.3, 0.5, 0.6, 0.9);
        assertEquals(100 * 3, compareWithLegacy(fastEdge));
    }

    @Test
    void aRestartedPassReplaysTheSameBatches() {
        SceneGenerator g = new SceneGenerator(SceneSpec.demo(3));
        SceneGenerator.Pass pass = g.new Pass();
        float[] firstAudio = null;
        long[] firstEvents = null;
        for (int round = 0; round < 2; round++) {
            Batch b;
            float[] audio = new float[0];
            long[] events = new long[0];
            while ((b = pass.next()) != null) {
                if (b instanceof SampleBatch s && s.stream().id() == SceneGenerator.AUDIO_ID) {
                    audio = concat(audio, s.copyOfSamples());
                } else if (b instanceof EventBatch e) {
                    events = concat(events, Arrays.copyOf(e.times(), e.size()));
                }
            }
            if (round == 0) {
                firstAudio = audio;
                firstEvents = events;
                pass.restart();
            } else {
                assertArrayEquals(firstAudio, audio);
                assertArrayEquals(firstEvents, events);
            }
        }
    }

    @Test
    void rewindIsForASourcePlayedAsFastAsRead() {
        SceneGenerator g = new SceneGenerator(SceneSpec.demo(7));
        try (SceneSource once = new SceneSource(g)) {
            long first = count(once);
            assertNull(once.next());
            once.rewind();
            assertEquals(first, count(once));
        }
        try (SceneSource live = new SceneSource(g, true)) {
            assertThrows(IllegalStateException.class, live::rewind);
        }
    }

    @Test
    void sineAndCosineAreBitEqualToStrictMath() {
        StrictTrig trig = new StrictTrig();
        SplittableRandom r = new SplittableRandom(42);
        double[] scales = {1e-9, 0.7, 2.4, 10, 1e3, 1e5, 8.3e5, 1e6, 1e8};
        for (double scale : scales) {
            for (int i = 0; i < 200_000; i++) {
                assertSameTrig(trig, (r.nextDouble() * 2 - 1) * scale);
            }
        }
        for (int k = 1; k < 200_000; k++) { // the neighbours of n·π/2, where reduction cancels most
            double x = k * (Math.PI / 2);
            for (int d = -2; d <= 2; d++) {
                assertSameTrig(trig, x + d * Math.ulp(x));
                assertSameTrig(trig, -(x + d * Math.ulp(x)));
            }
        }
        for (double x : new double[] {0.0, -0.0, Double.MIN_VALUE, Double.NaN, Double.POSITIVE_INFINITY, Double.MAX_VALUE}) {
            assertSameTrig(trig, x);
        }
        for (int n = 1; n <= StrictTrig.NPIO2_HW.length; n++) {
            assertEquals((int) (Double.doubleToRawLongBits(n * (Math.PI / 2)) >> 32), StrictTrig.NPIO2_HW[n - 1], "n = " + n);
        }
    }

    private static void assertSameTrig(StrictTrig trig, double x) {
        assertEquals(Double.doubleToRawLongBits(StrictMath.sin(x)), Double.doubleToRawLongBits(trig.sin(x)), () -> "sin " + x);
        assertEquals(Double.doubleToRawLongBits(StrictMath.cos(x)), Double.doubleToRawLongBits(trig.cos(x)), () -> "cos " + x);
    }

    /** Compares every batch of {@code spec} with the legacy generator's; returns how many. */
    private static int compareWithLegacy(SceneSpec spec) {
        SceneGenerator.Pass pass = new SceneGenerator(spec).new Pass();
        LegacySceneGenerator legacy = new LegacySceneGenerator(spec);
        long totalUs = Math.round(spec.durationS() * 1e6);
        int batches = 0;
        for (long t0 = 0; t0 < totalUs; t0 += SceneGenerator.SLICE_US) {
            long t1 = Math.min(totalUs, t0 + SceneGenerator.SLICE_US);
            assertSameEvents(legacy.events(t0, t1), (EventBatch) pass.next(), t0);
            assertSameSamples(legacy.audio(t1), (SampleBatch) pass.next(), t0);
            assertSameSamples(legacy.vibration(t1), (SampleBatch) pass.next(), t0);
            batches += 3;
        }
        assertNull(pass.next());
        return batches;
    }

    private static void assertSameEvents(EventBatch want, EventBatch got, long t0) {
        assertEquals(want.size(), got.size(), () -> "events in the slice at " + t0 + " µs");
        for (int i = 0; i < want.size(); i++) {
            int k = i;
            assertEquals(want.t(i), got.t(i), () -> "event " + k + " time, slice at " + t0 + " µs");
            assertEquals(want.x(i), got.x(i), () -> "event " + k + " x, slice at " + t0 + " µs");
            assertEquals(want.y(i), got.y(i), () -> "event " + k + " y, slice at " + t0 + " µs");
            assertEquals(want.p(i), got.p(i), () -> "event " + k + " polarity, slice at " + t0 + " µs");
        }
    }

    private static void assertSameSamples(SampleBatch want, SampleBatch got, long t0) {
        assertEquals(want.startUs(), got.startUs(), () -> "start of the slice at " + t0 + " µs");
        assertEquals(want.stream().id(), got.stream().id());
        assertArrayEquals(want.copyOfSamples(), got.copyOfSamples(), () -> "samples of the slice at " + t0 + " µs");
    }

    private static long count(SceneSource s) {
        long n = 0;
        Batch b;
        while ((b = s.next()) != null) {
            n += b.size();
        }
        return n;
    }

    private static float[] concat(float[] a, float[] b) {
        float[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private static long[] concat(long[] a, long[] b) {
        long[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
