package dev.vigil.wake;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SensorFusionTest {
    private static final WakeDecision LOCAL_WAKE = WakeDecision.wake("threshold-hysteresis", 12, 10, "");
    private static final List<String> NAMES = List.of("dvs", "audio", "vibration");

    @Test
    void allNeedsEverySensorWithinTheTolerance() {
        SensorFusion f = new SensorFusion(FusionMode.ALL, NAMES, new double[] {1, 1, 1}, 1, 100_000);
        assertFalse(f.fuse(0, 1_000_000, LOCAL_WAKE).wake());
        assertFalse(f.fuse(1, 1_050_000, LOCAL_WAKE).wake());
        WakeDecision d = f.fuse(2, 1_100_000, LOCAL_WAKE);
        assertTrue(d.wake(), "third vote exactly at the tolerance from the first");
        assertTrue(d.reason().startsWith("fusion: 3 >= 3 (all of dvs+audio+vibration within 100 ms"), d.reason());
    }

    @Test
    void votesOutsideTheToleranceDoNotCount() {
        SensorFusion f = new SensorFusion(FusionMode.ALL, NAMES, new double[] {1, 1, 1}, 1, 100_000);
        f.fuse(0, 1_000_000, LOCAL_WAKE);
        f.fuse(1, 1_050_000, LOCAL_WAKE);
        WakeDecision d = f.fuse(2, 1_100_001, LOCAL_WAKE);
        assertFalse(d.wake());
        assertEquals(WakeDecision.Outcome.HELD_BY_FUSION, d.outcome());
        assertEquals(2, d.value(), "dvs's vote is 1 us too old");
    }

    @Test
    void weightedVoteReachesTheQuorumAndFiresOncePerTolerance() {
        SensorFusion f = new SensorFusion(FusionMode.WEIGHTED, NAMES, new double[] {0.5, 1, 2}, 2, 200_000);
        assertFalse(f.fuse(0, 0, LOCAL_WAKE).wake());
        assertFalse(f.fuse(1, 100_000, LOCAL_WAKE).wake(), "1.5 < 2");
        assertTrue(f.fuse(2, 150_000, LOCAL_WAKE).wake(), "3.5 >= 2");
        assertFalse(f.fuse(2, 300_000, LOCAL_WAKE).wake(), "already fired within the tolerance");
        assertTrue(f.fuse(2, 360_000, LOCAL_WAKE).wake(), "vibration alone weighs 2");
    }

    @Test
    void anyPassesLocalDecisionsThrough() {
        SensorFusion f = new SensorFusion(FusionMode.ANY, NAMES, new double[] {1, 1, 1}, 1, 0);
        assertEquals(LOCAL_WAKE, f.fuse(1, 5, LOCAL_WAKE));
    }

    @Test
    void aQuietSensorCastsNoVoteAndStaysQuiet() {
        SensorFusion f = new SensorFusion(FusionMode.ALL, NAMES, new double[] {1, 1, 1}, 1, 100_000);
        WakeDecision quiet = WakeDecision.quiet(false, "threshold-hysteresis", 3, 10, "");
        assertEquals(quiet, f.fuse(0, 0, quiet));
        assertEquals(WakeDecision.Outcome.QUIET, quiet.outcome());
    }
}
