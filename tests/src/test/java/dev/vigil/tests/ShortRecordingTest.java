package dev.vigil.tests;

import dev.vigil.runtime.config.ConfigLoader;
import dev.vigil.runtime.hal.reference.ReferenceDevice;
import dev.vigil.runtime.pipeline.LaneStats;
import dev.vigil.runtime.pipeline.Pipeline;
import dev.vigil.runtime.pipeline.RunSummary;
import dev.vigil.sensors.EventBatch;
import dev.vigil.sensors.SensorSource;
import dev.vigil.sensors.StreamDescriptor;
import dev.vigil.sensors.formats.prophesee.Evt3Writer;
import dev.vigil.sensors.logs.LogFormats;
import dev.vigil.sensors.replay.ReplayClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A recording shorter than one window is still judged: its last, partial window is processed. */
class ShortRecordingTest {

    @Test
    void aNineMillisecondEvt3RecordingGivesAWindow(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("short.raw");
        EventBatch b = new EventBatch(StreamDescriptor.dvs(0, "short", 64, 48), 9_000);
        for (int t = 0; t < 9_000; t += 3) {
            b.add(t, (t / 3) % 64, (t / 7) % 48, (t / 3) & 1);
        }
        try (Evt3Writer w = new Evt3Writer(f, 64, 48, false)) {
            w.write(b);
        }
        RunSummary s;
        try (SensorSource source = LogFormats.open(f)) {
            s = new Pipeline(ConfigLoader.defaults(), new ReferenceDevice(), d -> { }).run(source, ReplayClock.asFastAsPossible());
        }
        assertEquals(1, s.lanes().size());
        LaneStats lane = s.lanes().get(0);
        assertEquals(3_000, lane.front().inputElements());
        assertEquals(1, lane.wake().windows(), "the 9 ms recording's one partial window");
        assertTrue(lane.front().inputSpikes() > 0);
    }
}
