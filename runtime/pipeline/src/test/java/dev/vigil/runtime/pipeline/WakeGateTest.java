package dev.vigil.runtime.pipeline;

import dev.vigil.runtime.config.ConfigLoader;
import dev.vigil.runtime.config.VigilConfig;
import dev.vigil.sensors.StreamDescriptor;
import dev.vigil.sensors.StreamKind;
import dev.vigil.wake.FusionMode;
import dev.vigil.wake.SensorFusion;
import dev.vigil.wake.WakeDecision;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The gate holds a wake for its post-trigger windows, joins wakes while one is pending, and counts refusals. */
class WakeGateTest {
    private static final long HOP = 50_000;
    private static final SensorFusion ALONE = new SensorFusion(FusionMode.ANY, List.of("audio"), new double[] {1}, 1, 0);

    private static LaneModel audio(String wake) throws Exception {
        // delta spikes: the 4 readouts the window totals below are spread over
        VigilConfig c = ConfigLoader.parse("sensors:\n  audio:\n    spikes: rise-fall\n    wake:\n" + wake, "test");
        return LaneModels.forStream(StreamDescriptor.sampled(1, StreamKind.AUDIO, "mic", 16_000, 1, ""), c).orElseThrow();
    }

    private static WakeGate gate(LaneModel m, WindowObserver observer) {
        return new WakeGate(m, HOP, WakePolicies.build(m.wake(), m.readouts()), ALONE, observer);
    }

    private static boolean judge(WakeGate g, int window, int total) {
        return g.judge(window * HOP, (window + 1) * HOP, new int[] {0, total, 0, 0});
    }

    @Test
    void theDenseStageRunsAfterThePostTriggerWindowsOnTheSpanAroundTheWake() throws Exception {
        LaneModel m = audio("      on-spikes: 5\n      off-spikes: 0\n      pre-trigger-ms: 50\n      post-trigger-ms: 100\n");
        List<WakeDecision> seen = new ArrayList<>();
        WakeGate g = gate(m, (sensor, endUs, counts, d) -> seen.add(d));
        assertEquals(4 * 4, g.bufferSize(), "one window before, the waking one, two after");
        int[] totals = {1, 2, 6, 0, 6, 0};
        boolean[] runs = new boolean[totals.length];
        for (int w = 0; w < totals.length; w++) {
            runs[w] = judge(g, w, totals[w]);
        }
        assertArrayEquals(new boolean[] {false, false, false, false, true, false}, runs,
                "the wake at window 2 runs two windows later; the wake at 4 joins it");
        assertEquals(2 * HOP, g.wakeStartUs());
        assertTrue(g.wakeReason().startsWith("threshold-hysteresis: 6 >= 5"), g.wakeReason());
        assertArrayEquals(new int[] {0, 6, 0, 0}, g.wakeCounts());
        assertEquals(new LaneStats.Wake(6, 2, 0), g.stats());
        assertEquals(6, seen.size());
        assertTrue(seen.get(2).wake() && seen.get(4).wake());
    }

    @Test
    void aWakeStillPendingAtTheEndRunsOnEmptyWindowsForThoseThatNeverCame() throws Exception {
        LaneModel m = audio("      on-spikes: 5\n      off-spikes: 0\n      pre-trigger-ms: 50\n      post-trigger-ms: 100\n");
        WakeGate g = gate(m, null);
        judge(g, 0, 3);
        assertFalse(judge(g, 1, 7));
        assertTrue(g.pending());
        assertEquals(4 * HOP, g.releaseAtEnd(2 * HOP));
        assertFalse(g.pending());
        int[] tensor = new int[g.bufferSize()];
        g.copyWindowsTo(tensor);
        assertArrayEquals(new int[] {0, 3, 0, 0, 0, 7, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, tensor);
    }

    @Test
    void wakesTheCooldownRefusesAreCountedAndNeverRunTheDenseStage() throws Exception {
        LaneModel m = audio("      on-spikes: 5\n      off-spikes: 0\n      cooldown-ms: 1000\n");
        WakeGate g = gate(m, null);
        assertTrue(judge(g, 0, 6));
        assertFalse(judge(g, 1, 0));
        assertFalse(judge(g, 2, 6), "refused: 100 ms after the last wake");
        assertEquals(new LaneStats.Wake(3, 1, 1), g.stats());
    }
}
