package dev.vigil.runtime.learn;

import dev.vigil.runtime.config.WakeConfig;
import dev.vigil.runtime.config.WakeRule;
import dev.vigil.wake.WakeDecision;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The wake fit keeps the threshold on the total unless one readout catches more than 1 % of the target
 * events beyond it. Constructed lane of two readouts, 50 ms windows: background [3, 0]; an event window
 * [10, 1] that both rules catch, or [0, 2] that only readout 1 catches (its total is below the
 * background's).
 */
class WakeFitTest {
    private static final long WINDOW_US = 50_000;

    /** {@code events} one-window events, ten windows apart, the first {@code onlyReadout} of them [0, 2]. */
    private static WakeConfig fit(int events, int onlyReadout) {
        WindowRecorder rec = new WindowRecorder();
        List<LabelInterval> labels = new ArrayList<>();
        WakeDecision quiet = WakeDecision.quiet(false, "test", 0, 0, "");
        for (int i = 0; i < events * 10 + 10; i++) {
            long end = (i + 1) * WINDOW_US;
            int[] counts = {3, 0};
            if (i % 10 == 5 && i / 10 < events) {
                counts = i / 10 < onlyReadout ? new int[] {0, 2} : new int[] {10, 1};
                labels.add(new LabelInterval(end - WINDOW_US, end, "", "event"));
            }
            rec.window("audio", end, counts, quiet);
        }
        return WakeFit.fit(rec.lanes().get("audio"), "audio", labels, Set.of(), WINDOW_US, 0,
                WakeConfig.threshold(1, 0), 0, 0);
    }

    @Test
    void oneReadoutCatchingOnePercentMoreEventsDoesNotReplaceTheTotal() {
        WakeConfig w = fit(200, 2);
        assertEquals(WakeRule.THRESHOLD, w.rule());
        assertEquals(5, w.onSpikes(), "just above the background total of 3, with a quarter more margin");
    }

    @Test
    void oneReadoutCatchingOverOnePercentMoreEventsReplacesTheTotal() {
        WakeConfig w = fit(200, 3);
        assertEquals(WakeRule.PER_CLASS, w.rule());
        assertArrayEquals(new int[] {0, 1}, w.classOnSpikes());
    }

    @Test
    void onAShortLogOneMoreEventIsEnough() {
        WakeConfig w = fit(10, 1);
        assertEquals(WakeRule.PER_CLASS, w.rule());
        assertArrayEquals(new int[] {0, 1}, w.classOnSpikes());
    }
}
