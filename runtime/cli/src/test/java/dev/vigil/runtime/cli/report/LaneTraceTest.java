package dev.vigil.runtime.cli.report;

import dev.vigil.wake.WakeDecision;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LaneTraceTest {

    private static WakeDecision quiet(double value, double threshold) {
        return WakeDecision.quiet(false, "threshold-hysteresis", value, threshold, "");
    }

    @Test
    void shortLanesKeepOneColumnPerWindow() {
        LaneTrace t = new LaneTrace(2);
        for (int w = 0; w < 100; w++) {
            t.window(50_000L * (w + 1), new int[] {w, 1}, quiet(w + 1, 6));
            t.frontEnergy(1e-6 * (w + 1));
        }
        t.denseRun();
        assertEquals(100, t.columns());
        assertEquals(1, t.windowsPerColumn());
        assertEquals(99, t.spikes(0)[99]);
        assertEquals(100f, t.value()[99]);
        assertEquals(1e-6, t.frontJ()[50], 1e-15);
        assertEquals(1, t.denseRuns()[99]);
        assertEquals(50_000, t.firstEndUs());
    }

    @Test
    void longLanesMergeColumnsAndKeepTotalsPeaksAndEnergy() {
        LaneTrace t = new LaneTrace(1);
        int windows = 3 * LaneTrace.MAX_COLUMNS + 5;
        long spikes = 0;
        for (int w = 0; w < windows; w++) {
            int count = w % 7;
            spikes += count;
            double value = w == 10_000 ? 500 : w % 13;
            t.window(50_000L * (w + 1), new int[] {count}, quiet(value, w == 10_000 ? 42 : 6));
            t.frontEnergy(2e-6 * (w + 1));
            if (w % 1000 == 0) {
                t.denseRun();
            }
        }
        assertEquals(4, t.windowsPerColumn(), "columns double until the windows fit");
        assertEquals((windows + 3) / 4, t.columns());
        assertEquals(spikes, Arrays.stream(t.spikes(0)).asLongStream().sum(), "no spike is lost in merging");
        assertEquals(500f, t.value()[10_000 / 4], "the peak survives");
        assertEquals(42f, t.threshold()[10_000 / 4], "with its window's threshold");
        assertEquals(2e-6 * windows, Arrays.stream(t.frontJ()).sum(), 1e-9);
        assertEquals(windows / 1000 + 1, Arrays.stream(t.denseRuns()).sum());
        assertEquals(1, t.windowsIn(t.columns() - 1), "the last column holds what is left");
        int total = 0;
        for (int c = 0; c < t.columns(); c++) {
            total += t.windowsIn(c);
        }
        assertEquals(windows, total);
    }
}
