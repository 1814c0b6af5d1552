package dev.vigil.runtime.cli;

import dev.vigil.sensors.Batch;
import dev.vigil.sensors.SensorSource;
import dev.vigil.sensors.vlog.VlogReader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The action runs once, when the second batch is asked for, and every batch passes through unchanged. */
class AfterFirstBatchTest {
    private static final Path DEMO = Path.of(System.getProperty("vigil.root", "..")).resolve("examples/demo.vlog");

    @Test
    void runsOnceWhenTheSecondBatchIsAskedForAndPassesEveryBatch() throws Exception {
        int plain = 0;
        try (VlogReader direct = new VlogReader(DEMO)) {
            while (direct.next() != null) {
                plain++;
            }
        }
        assertTrue(plain > 2, "the demo has batches: " + plain);
        AtomicInteger runs = new AtomicInteger();
        List<Integer> runsWhenAsked = new ArrayList<>();
        try (SensorSource s = new AfterFirstBatch(new VlogReader(DEMO), runs::incrementAndGet)) {
            Batch b;
            do {
                runsWhenAsked.add(runs.get());
                b = s.next();
            } while (b != null);
        }
        assertEquals(plain + 1, runsWhenAsked.size(), "every batch, then the end");
        assertEquals(1, runs.get(), "once");
        assertEquals(List.of(0, 0, 1), runsWhenAsked.subList(0, 3), "not before the first batch was handed on, right when the second is asked for");
    }
}
