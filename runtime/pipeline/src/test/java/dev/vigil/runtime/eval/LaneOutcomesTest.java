package dev.vigil.runtime.eval;

import dev.vigil.runtime.learn.LabelInterval;
import dev.vigil.runtime.pipeline.Detection;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static dev.vigil.runtime.eval.LaneOutcomes.Verdict.FALSE_ON_BACKGROUND;
import static dev.vigil.runtime.eval.LaneOutcomes.Verdict.FALSE_ON_DISTRACTOR;
import static dev.vigil.runtime.eval.LaneOutcomes.Verdict.REJECTED;
import static dev.vigil.runtime.eval.LaneOutcomes.Verdict.TRUE_DETECTION;
import static org.junit.jupiter.api.Assertions.assertEquals;

class LaneOutcomesTest {
    private static final long W = 50_000;
    private static final List<LabelInterval> LABELS = List.of(
            new LabelInterval(1_000_000, 2_000_000, "", "keyword"),
            new LabelInterval(5_000_000, 6_000_000, "", "keyword"),
            new LabelInterval(10_000_000, 12_000_000, "", "speech"),
            new LabelInterval(20_000_000, 21_000_000, "", "keyword"));
    private static final long[] WAKES = {1_100_000, 1_300_000, 5_050_000, 10_500_000, 11_500_000, 15_000_000};
    private static final List<Detection> RESULTS = List.of(
            result(1_100_000, "keyword", 0.7),
            result(1_300_000, "keyword", 0.95),
            result(5_050_000, "background", 0.8),
            result(10_500_000, "speech", 0.9),
            result(11_500_000, "keyword", 0.6),
            result(15_000_000, "keyword", 0.85));

    private static Detection result(long wakeEndUs, String label, double score) {
        return new Detection("id" + wakeEndUs, "dev", "audio", 0, label, score, wakeEndUs + 800_000, wakeEndUs - W, "test",
                new int[4], 0);
    }

    @Test
    void judgesEveryEventAndResultAsLaneScoreCountsThem() {
        LaneOutcomes o = LaneOutcomes.of(WAKES, RESULTS, LABELS, Set.of("speech"), W, 30_000_000);
        LaneScore s = LaneScore.of(WAKES, RESULTS, LABELS, Set.of("speech"), W, 30_000_000);

        assertEquals(List.of(true, true, true, false), o.events().stream().map(LaneOutcomes.EventOutcome::woken).toList());
        assertEquals(List.of(true, false, false, false), o.events().stream().map(LaneOutcomes.EventOutcome::detected).toList());
        assertEquals(0.95, o.events().get(0).bestScore(), "the best of the event's two detections");
        assertEquals(s.detectedEvents(), o.events().stream().filter(LaneOutcomes.EventOutcome::detected).count());
        assertEquals(s.wokenEvents(), o.events().stream().filter(e -> e.target() && e.woken()).count());
        assertEquals(List.of(TRUE_DETECTION, TRUE_DETECTION, REJECTED, REJECTED, FALSE_ON_DISTRACTOR, FALSE_ON_BACKGROUND),
                o.results().stream().map(LaneOutcomes.ResultOutcome::verdict).toList());
        assertEquals(s.publishedOnDistractor(), o.results().stream().filter(r -> r.verdict() == FALSE_ON_DISTRACTOR).count());
        assertEquals(s.publishedOnBackground(), o.results().stream().filter(r -> r.verdict() == FALSE_ON_BACKGROUND).count());
        assertEquals(List.of("keyword", "keyword", "keyword", "speech", "speech", "background"),
                o.results().stream().map(LaneOutcomes.ResultOutcome::truth).toList());
        assertEquals(30_000_000 - 3_000_000, o.nonTargetUs());
    }

    @Test
    void theCurvesLowestThresholdIsTheEvaluationsOperatingPoint() {
        LaneOutcomes o = LaneOutcomes.of(WAKES, RESULTS, LABELS, Set.of("speech"), W, 36_000_000);
        LaneScore s = LaneScore.of(WAKES, RESULTS, LABELS, Set.of("speech"), W, 36_000_000);
        MissRateCurve c = o.curve();
        MissRateCurve.Point last = c.points().get(c.points().size() - 1);
        double hours = (36_000_000 - 3_000_000) / 3.6e9;
        assertEquals(1 - (double) s.detectedEvents() / s.events(), last.missRate(), 1e-12);
        assertEquals((s.publishedOnDistractor() + s.publishedOnBackground()) / hours, last.falseAcceptsPerHour(), 1e-9);
        assertEquals(List.of(Double.POSITIVE_INFINITY, 0.95, 0.85, 0.6),
                c.points().stream().map(MissRateCurve.Point::threshold).toList());
    }

    @Test
    void theConfusionMatrixSetsTheHeadsLabelsAgainstTheTrueClasses() {
        ConfusionMatrix m = LaneOutcomes.of(WAKES, RESULTS, LABELS, Set.of("speech"), W, 30_000_000).confusion();
        assertEquals(List.of("keyword", "speech", "background"), m.labels());
        assertEquals(2, m.count("keyword", "keyword"));
        assertEquals(1, m.count("keyword", "background"));
        assertEquals(1, m.count("speech", "speech"));
        assertEquals(1, m.count("speech", "keyword"));
        assertEquals(1, m.count("background", "keyword"));
        assertEquals(RESULTS.size(), m.total());
    }
}
