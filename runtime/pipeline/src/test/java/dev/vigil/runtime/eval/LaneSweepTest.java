package dev.vigil.runtime.eval;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LaneSweepTest {

    @Test
    void theOperatingPointIsTheLowestThresholdWhereEveryPublishedResultCounts() {
        MissRateCurve c = MissRateCurve.of(new double[] {0.9, 0.6, Double.NaN, 0.6}, new double[] {0.3, 0.8}, 2);
        LaneSweep s = LaneSweep.of("audio", c);
        assertEquals(new MissRateCurve.Point(0.3, 0.25, 1.0), s.operatingPoint());
        assertEquals(0.25, s.missRateAt1PerHour(), 1e-12);
        assertEquals(0.25, s.missRateAtHalfPerHour(), 1e-12, "0.6 catches three of four with one false accept in 2 h");
        assertEquals(c.points(), s.points());
        assertEquals(4, s.events());
    }
}
