package dev.vigil.runtime.pipeline;

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
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With a post-trigger span the dense stage waits for the windows after the wake and reads them too. */
class PostTriggerTest {
    private static final Path DEMO = Path.of(System.getProperty("vigil.root", "..")).resolve("examples/demo.vlog");

    @Test
    void denseRunsThreeWindowsAfterTheWakeOnTheSpanAroundIt() throws Exception {
        // a low threshold so the demo's audio wakes several times, some of them inside a pending span (delta spikes, 4 readouts)
        VigilConfig cfg = ConfigLoader.parse("""
                sensors:
                  dvs:
                    enabled: false
                  vibration:
                    enabled: false
                  audio:
                    spikes: rise-fall
                    smoothing-ms: 10
                    wake:
                      on-spikes: 2
                      off-spikes: 1
                      pre-trigger-ms: 100
                      post-trigger-ms: 150
                """, "test");
        int pre = 2;
        int post = 3;
        int rows = pre + 1 + post;
        Int8Model head = new Int8Model("wide", 0, rows, List.of(new Int8Layer(rows * 4, 2, new byte[rows * 4 * 2], new int[2], 0, false)),
                List.of("a", "b"), 1);
        RecordingDenseDevice dense = new RecordingDenseDevice(false);
        List<long[]> windows = new ArrayList<>();
        List<Boolean> woke = new ArrayList<>();
        List<Detection> detections = new ArrayList<>();
        Pipeline p = new Pipeline(cfg, new ReferenceDevice(), detections::add)
                .use(new ModelBundle(List.of(BuiltinLanes.lane(Sensor.AUDIO, cfg, null, "reference")
                        .with(cfg.sensors().audio().wake(), DenseHead.counts(head))), new Provenance("test", List.of(), null)))
                .denseOn(dense)
                .observe((sensor, endUs, counts, decision) -> {
                    dense.observed(endUs, decision);
                    long[] row = new long[counts.length + 1];
                    row[0] = endUs;
                    for (int i = 0; i < counts.length; i++) {
                        row[i + 1] = counts[i];
                    }
                    windows.add(row);
                    woke.add(decision.wake());
                });
        RunSummary s;
        try (VlogReader r = new VlogReader(DEMO)) {
            s = p.run(r, ReplayClock.asFastAsPossible());
        }
        assertEquals(detections.size(), dense.inputs.size());
        assertTrue(dense.inputs.size() >= 2, "the demo's audio wakes more than once at this threshold: " + dense.inputs.size());
        int joined = 0;
        int expectedRuns = 0;
        for (int w = 0, pendingUntil = -1; w < woke.size(); w++) {
            if (woke.get(w)) {
                if (w <= pendingUntil) {
                    joined++;
                } else {
                    expectedRuns++;
                    pendingUntil = w + post;
                }
            }
        }
        assertEquals(expectedRuns, dense.inputs.size(), "one run per wake outside a pending span");
        assertEquals(s.wakes(), expectedRuns + joined);
        for (int k = 0; k < dense.inputs.size(); k++) {
            Detection d = detections.get(k);
            int j = indexOf(windows, dense.windowEnds.get(k));
            int wake = j - post;
            assertTrue(woke.get(wake), "the window " + post + " before the run woke");
            assertEquals(d.deviceTimeUs(), windows.get(j)[0]);
            assertEquals(windows.get(wake)[0] - 50_000, d.windowStartUs());
            int[] expected = new int[rows * 4];
            for (int r = 0; r < rows; r++) {
                long[] row = windows.get(wake - pre + r);
                for (int i = 0; i < 4; i++) {
                    expected[r * 4 + i] = (int) Math.min(127, row[i + 1]);
                }
            }
            assertArrayEquals(expected, dense.inputs.get(k), "dense input = windows " + (wake - pre) + ".." + (wake + post));
        }
    }

    private static int indexOf(List<long[]> windows, long endUs) {
        for (int w = 0; w < windows.size(); w++) {
            if (windows.get(w)[0] == endUs) {
                return w;
            }
        }
        throw new AssertionError("no window ends at " + endUs);
    }
}
