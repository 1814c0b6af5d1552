package dev.vigil.runtime.pipeline;

import dev.vigil.sensors.SourceProblem;

import java.util.List;

/**
 * What a run did, lane by lane.
 *
 * @param device      the HAL device that ran the front end
 * @param lanes       per-lane statistics
 * @param recordedUs  device time covered by the input
 * @param wallNanos   wall-clock time of the run
 * @param problems    what the source skipped
 * @param ignored     streams that had no lane (disabled sensors, detections streams)
 */
public record RunSummary(String device, List<LaneStats> lanes, long recordedUs, long wallNanos,
                         List<SourceProblem> problems, List<String> ignored) {

    public RunSummary {
        lanes = List.copyOf(lanes);
        problems = List.copyOf(problems);
        ignored = List.copyOf(ignored);
    }

    /** Wakes over all lanes. */
    public long wakes() {
        return lanes.stream().mapToLong(l -> l.wake().wakes()).sum();
    }

    /** Detections over all lanes. */
    public long detections() {
        return lanes.stream().mapToLong(l -> l.dense().detections()).sum();
    }

    /** Dense-stage invocations over all lanes. */
    public long denseRuns() {
        return lanes.stream().mapToLong(l -> l.dense().runs()).sum();
    }

    /** Windows over all lanes. */
    public long windows() {
        return lanes.stream().mapToLong(l -> l.wake().windows()).sum();
    }
}
