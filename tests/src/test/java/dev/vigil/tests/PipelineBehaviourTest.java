package dev.vigil.tests;

import dev.vigil.runtime.config.ConfigLoader;
import dev.vigil.runtime.config.VigilConfig;
import dev.vigil.runtime.hal.reference.ReferenceDevice;
import dev.vigil.runtime.pipeline.Detection;
import dev.vigil.runtime.pipeline.LaneStats;
import dev.vigil.runtime.pipeline.Pipeline;
import dev.vigil.runtime.pipeline.RunSummary;
import dev.vigil.sensors.replay.ReplayClock;
import dev.vigil.sensors.vlog.VlogReader;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pipeline on the bundled log: wake-gated dense stage, determinism, and what it detects. */
class PipelineBehaviourTest {

    private record Run(RunSummary summary, List<Detection> detections) {
    }

    private static Run replay(VigilConfig config, ReplayClock clock) throws Exception {
        List<Detection> detections = new ArrayList<>();
        try (VlogReader reader = new VlogReader(TestPaths.demoLog())) {
            RunSummary s = new Pipeline(config, new ReferenceDevice(), detections::add).run(reader, clock);
            return new Run(s, detections);
        }
    }

    @Test
    void denseStageRunsOnlyOnWakesAndFarLessOftenThanWindows() throws Exception {
        Run run = replay(ConfigLoader.defaults(), ReplayClock.asFastAsPossible());
        assertEquals(3, run.summary().lanes().size());
        for (LaneStats lane : run.summary().lanes()) {
            assertEquals(lane.wake().wakes(), lane.dense().runs(), lane.sensor() + ": dense invocations must equal wakes");
            assertTrue(lane.wake().wakes() >= 1, lane.sensor() + " should wake at least once on its event");
            assertTrue(lane.dense().runs() * 20 < lane.wake().windows(), lane.sensor() + ": dense ran " + lane.dense().runs()
                    + " times in " + lane.wake().windows() + " windows");
        }
        assertEquals(run.summary().wakes(), run.detections().size());
    }

    @Test
    void eachSensorsEventIsDetectedWithItsLabelInsideItsInterval() throws Exception {
        Run run = replay(ConfigLoader.defaults(), ReplayClock.asFastAsPossible());
        Set<String> labels = run.detections().stream().map(d -> d.sensor() + ":" + d.label()).collect(Collectors.toSet());
        assertEquals(Set.of("dvs:motion", "audio:speech", "vibration:bearing_fault"), labels);
        for (Detection d : run.detections()) {
            double t = d.deviceTimeUs() / 1e6;
            switch (d.sensor()) {
                case "dvs" -> assertTrue(t > 1.5 && t <= 2.6, "edge detected at " + t);
                case "audio" -> assertTrue(t > 3.0 && t <= 3.9, "speech detected at " + t);
                case "vibration" -> assertTrue(t > 4.4 && t <= 5.7, "fault detected at " + t);
                default -> throw new AssertionError("unexpected sensor " + d.sensor());
            }
        }
    }

    @Test
    void replayingTwiceGivesIdenticalDetections() throws Exception {
        Run first = replay(ConfigLoader.defaults(), ReplayClock.asFastAsPossible());
        Run second = replay(ConfigLoader.defaults(), ReplayClock.asFastAsPossible());
        List<String> a = DetectionLines.of(first.detections());
        List<String> b = DetectionLines.of(second.detections());
        assertEquals(DetectionLines.apartFromIds(a), DetectionLines.apartFromIds(b));
        assertTrue(Collections.disjoint(DetectionLines.ids(a), DetectionLines.ids(b)), "each run makes ids of its own");
        assertEquals(first.summary().lanes().stream().map(PipelineBehaviourTest::replayed).toList(),
                second.summary().lanes().stream().map(PipelineBehaviourTest::replayed).toList());
    }

    /** What a replay determines of a lane's front end: all but the encoder's CPU time, which is measured. */
    private static List<Object> replayed(LaneStats lane) {
        LaneStats.FrontEnd f = lane.front();
        return List.of(f.inputElements(), f.inputSpikes(), f.counts(), f.energyJ(), f.synapses(), f.seconds(), f.energy());
    }

    @Test
    void pacingChangesTimingNotResults() throws Exception {
        Run max = replay(ConfigLoader.defaults(), ReplayClock.asFastAsPossible());
        Run paced = replay(ConfigLoader.defaults(), ReplayClock.atSpeed(8));
        assertEquals(DetectionLines.apartFromIds(DetectionLines.of(max.detections())),
                DetectionLines.apartFromIds(DetectionLines.of(paced.detections())));
        assertTrue(paced.summary().wallNanos() >= 6e9 / 8 * 0.9, "8x pacing of 6 s should take about 0.75 s");
    }

    @Test
    void replayAtMaxAndAtFourTimesPrintsTheSameDetections() {
        CliRun max = CliRun.run("replay", TestPaths.demoLog().toString(), "--max", "--no-mqtt");
        long start = System.nanoTime();
        CliRun four = CliRun.run("replay", TestPaths.demoLog().toString(), "--speed", "4", "--no-mqtt");
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(0, max.exitCode(), max.err());
        assertEquals(0, four.exitCode(), four.err());
        assertEquals(3, max.jsonLines().size());
        assertEquals(DetectionLines.apartFromIds(max.jsonLines()), DetectionLines.apartFromIds(four.jsonLines()));
        assertTrue(Collections.disjoint(DetectionLines.ids(max.jsonLines()), DetectionLines.ids(four.jsonLines())),
                "the same detections, with ids of their own");
        assertTrue(seconds >= 1.4, "6 s at 4x takes about 1.5 s, took " + seconds);
    }

    @Test
    void disablingTheDenseStageStillReportsWakes() throws Exception {
        VigilConfig config = ConfigLoader.parse("dense:\n  enabled: false\n", "test");
        Run run = replay(config, ReplayClock.asFastAsPossible());
        assertEquals(0, run.summary().denseRuns());
        assertTrue(run.detections().stream().allMatch(d -> d.label().equals(d.sensor())));
    }
}
