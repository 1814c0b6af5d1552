package dev.vigil.runtime.eval;

import dev.vigil.runtime.learn.LabelInterval;
import dev.vigil.runtime.pipeline.Detection;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class LaneScoreTest {
    private static final long W = 50_000;

    /** A dense result for the wake whose window ends at {@code wakeEndUs}, published at {@code atUs}. */
    private static Detection result(long wakeEndUs, long atUs, String label) {
        return new Detection("id" + wakeEndUs, "dev", "audio", 0, label, 0.9, atUs, wakeEndUs - W, "test", new int[4], 0);
    }

    @Test
    void separatesEventRecallWakeRecallDistractorsAndBackground() {
        List<LabelInterval> labels = List.of(
                new LabelInterval(1_000_000, 2_000_000, "", "keyword"),
                new LabelInterval(5_000_000, 6_000_000, "", "keyword"),
                new LabelInterval(10_000_000, 12_000_000, "", "speech"),
                new LabelInterval(20_000_000, 21_000_000, "", "keyword"));
        long[] wakes = {1_100_000, 5_050_000, 10_500_000, 11_500_000, 15_000_000, 21_050_000 + 1};
        List<Detection> results = List.of(
                result(1_100_000, 1_900_000, "keyword"),   // detected, 900 ms after onset
                result(5_050_000, 5_850_000, "background"), // woken, rejected by the dense stage: missed
                result(10_500_000, 11_300_000, "speech"),   // distractor run, rejected
                result(11_500_000, 12_300_000, "keyword"),  // distractor run, published: a false detection
                result(15_000_000, 15_800_000, "keyword"),  // background wake, published
                result(21_050_001, 21_850_001, "keyword")); // one microsecond past the event's end + one window
        LaneScore s = LaneScore.of(wakes, results, labels, Set.of("speech"), W, 30_000_000);

        assertEquals(3, s.events());
        assertEquals(1, s.detectedEvents());
        assertEquals(2, s.wokenEvents());
        assertArrayEquals(new double[] {900}, s.detectionLatenciesMs());
        assertArrayEquals(new double[] {50, 100}, s.wakeLatenciesMs());
        assertEquals(4, s.published());
        assertEquals(1, s.truePositives());
        assertEquals(1.0 / 4, s.precision());
        assertEquals(1, s.publishedOnDistractor());
        assertEquals(2, s.publishedOnBackground());
        assertEquals(2, s.falseWakes());
        assertArrayEquals(new double[] {15.0, 21.050001}, s.falseWakeTimesS());
        assertEquals(1, s.distractorEvents());
        assertEquals(2, s.distractorWakes());
        assertEquals(2, s.distractorRuns());
        assertEquals(1, s.distractorRejected());
        assertEquals(30_000_000 - 5_000_000, s.backgroundUs());
    }

    @Test
    void withoutNegativeLabelsEveryIntervalIsATarget() {
        List<LabelInterval> labels = List.of(new LabelInterval(0, 1_000_000, "", "speech"),
                new LabelInterval(500_000, 2_000_000, "", "keyword"));
        LaneScore s = LaneScore.of(new long[] {100_000}, List.of(result(100_000, 100_000, "speech")), labels, Set.of(), W, 4_000_000);
        assertEquals(2, s.events());
        assertEquals(1, s.detectedEvents());
        assertEquals(0, s.distractorEvents());
        assertEquals(1.0, s.precision());
        assertEquals(2_000_000, s.backgroundUs(), "overlapping intervals are counted once");
    }
}
