package dev.vigil.runtime.eval;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MissRateCurveTest {

    @Test
    void sweepsFromAcceptingNothingToAcceptingEveryScore() {
        // four events: two caught at 0.9 and 0.6, one at 0.6, one never; false accepts at 0.8 and 0.3 over 2 h
        MissRateCurve c = MissRateCurve.of(new double[] {0.9, 0.6, Double.NaN, 0.6}, new double[] {0.3, 0.8}, 2);
        assertEquals(4, c.events());
        assertEquals(List.of(
                new MissRateCurve.Point(Double.POSITIVE_INFINITY, 1.0, 0.0),
                new MissRateCurve.Point(0.9, 0.75, 0.0),
                new MissRateCurve.Point(0.8, 0.75, 0.5),
                new MissRateCurve.Point(0.6, 0.25, 0.5),
                new MissRateCurve.Point(0.3, 0.25, 1.0)), c.points());
    }

    @Test
    void missRateAtAFalseAcceptBudgetTakesTheBestPointWithinIt() {
        MissRateCurve c = MissRateCurve.of(new double[] {0.9, 0.6, Double.NaN, 0.6}, new double[] {0.3, 0.8}, 2);
        assertEquals(0.25, c.missRateAt(0.5));
        assertEquals(0.75, c.missRateAt(0.4));
        assertEquals(0.25, c.missRateAt(10));
        assertEquals(1.0, MissRateCurve.of(new double[] {0.5}, new double[] {0.9}, 1).missRateAt(0.5),
                "only accepting nothing keeps within the budget");
    }

    @Test
    void withoutEventsOrHoursTheRatesAreUndefined() {
        MissRateCurve c = MissRateCurve.of(new double[0], new double[] {0.5}, 0);
        assertEquals(2, c.points().size());
        assertEquals(Double.NaN, c.points().get(1).missRate());
        assertEquals(Double.NaN, c.points().get(1).falseAcceptsPerHour());
    }
}
