package dev.vigil.runtime.pipeline;

import dev.vigil.runtime.config.ConfigException;
import dev.vigil.runtime.bundle.BuiltinLanes;
import dev.vigil.runtime.bundle.DenseHead;
import dev.vigil.runtime.bundle.ModelBundle;
import dev.vigil.runtime.bundle.Provenance;
import dev.vigil.runtime.config.ConfigLoader;
import dev.vigil.runtime.config.Sensor;
import dev.vigil.runtime.config.VigilConfig;
import dev.vigil.runtime.dense.CpuDenseDevice;
import dev.vigil.runtime.dense.DenseDevice;
import dev.vigil.runtime.dense.DenseExecutor;
import dev.vigil.runtime.dense.Int8Layer;
import dev.vigil.runtime.dense.Int8Model;
import dev.vigil.runtime.hal.reference.ReferenceDevice;
import dev.vigil.sensors.replay.ReplayClock;
import dev.vigil.sensors.vlog.VlogReader;
import dev.vigil.wake.WakeDecision;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Acceptance 3: the dense stage runs only on wakes, and sees exactly the configured pre-trigger span. */
class WakeGatedDenseStageTest {
    private static final Path DEMO = Path.of(System.getProperty("vigil.root", "..")).resolve("examples/demo.vlog");

    @Test
    void denseRunsOnlyRightAfterAWakeOnTheWakingWindowAndTheSpanBeforeIt() throws Exception {
        VigilConfig cfg = ConfigLoader.parse("""
                sensors:
                  audio:
                    wake:
                      pre-trigger-ms: 200
                """, "test");
        int rows = 5; // 200 ms before the 50 ms waking window = 4 windows, plus the window itself
        int readouts = BuiltinLanes.FLOOR_READOUTS.size();
        Int8Model wide = new Int8Model("wide", 0, rows, List.of(new Int8Layer(rows * readouts, 2, new byte[rows * readouts * 2], new int[2], 0, false)),
                List.of("speech", "noise"), 1);
        RecordingDenseDevice spy = new RecordingDenseDevice(true);
        List<long[]> audioWindows = new ArrayList<>();
        List<Detection> detections = new ArrayList<>();
        int[] decisions = new int[2];
        Pipeline p = new Pipeline(cfg, new ReferenceDevice(), detections::add)
                .use(new ModelBundle(List.of(BuiltinLanes.lane(Sensor.AUDIO, cfg, null, "reference")
                        .with(cfg.sensors().audio().wake(), DenseHead.counts(wide))), new Provenance("test", List.of(), null)))
                .denseOn(spy)
                .observe((sensor, endUs, counts, decision) -> {
                    spy.observed(endUs, decision);
                    decisions[decision.wake() ? 1 : 0]++;
                    if (sensor.equals("audio")) {
                        long[] row = new long[counts.length + 1];
                        row[0] = endUs;
                        for (int i = 0; i < counts.length; i++) {
                            row[i + 1] = counts[i];
                        }
                        audioWindows.add(row);
                    }
                });
        RunSummary s;
        try (VlogReader r = new VlogReader(DEMO)) {
            s = p.run(r, ReplayClock.asFastAsPossible());
        }
        assertEquals(decisions[1], spy.inputs.size(), "one dense invocation per wake, none otherwise");
        assertEquals(s.wakes(), s.denseRuns());
        assertTrue(decisions[0] > 100 * decisions[1], "windows without wake: " + decisions[0]);
        // the audio lane's invocation saw the 5 windows ending at its waking window, oldest first
        int audioCalls = 0;
        for (int k = 0; k < spy.inputs.size(); k++) {
            int[] in = spy.inputs.get(k);
            if (in.length != rows * readouts) {
                continue;
            }
            audioCalls++;
            long end = spy.windowEnds.get(k);
            int idx = -1;
            for (int w = 0; w < audioWindows.size(); w++) {
                if (audioWindows.get(w)[0] == end) {
                    idx = w;
                }
            }
            assertTrue(idx >= rows - 1, "waking window found with " + (rows - 1) + " before it");
            int[] expected = new int[rows * readouts];
            for (int r = 0; r < rows; r++) {
                long[] row = audioWindows.get(idx - rows + 1 + r);
                for (int i = 0; i < readouts; i++) {
                    expected[r * readouts + i] = (int) Math.min(127, row[i + 1]);
                }
            }
            assertArrayEquals(expected, in, "dense input = windows " + (idx - rows + 1) + ".." + idx);
            assertEquals(200_000, end - audioWindows.get(idx - rows + 1)[0], "span from oldest to waking window end");
        }
        assertEquals(1, audioCalls, "the demo's one speech burst");
    }

    @Test
    void withTheDenseStageOffWakesStillHappenButNothingRuns() throws ConfigException, Exception {
        VigilConfig cfg = ConfigLoader.parse("dense:\n  enabled: false\n", "test");
        RecordingDenseDevice spy = new RecordingDenseDevice(true);
        List<Detection> detections = new ArrayList<>();
        try (VlogReader r = new VlogReader(DEMO)) {
            RunSummary s = new Pipeline(cfg, new ReferenceDevice(), detections::add).denseOn(spy).run(r, ReplayClock.asFastAsPossible());
            assertEquals(0, s.denseRuns());
            assertEquals(3, s.wakes());
        }
        assertEquals(0, spy.inputs.size());
    }
}
