package dev.vigil.runtime.cli.report;

import dev.vigil.runtime.pipeline.Detection;
import dev.vigil.runtime.pipeline.DetectionSink;
import dev.vigil.runtime.pipeline.WindowObserver;
import dev.vigil.wake.WakeDecision;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Watches a run for the report: every window of every lane into its {@link LaneTrace}, the end times of
 * waking windows, refused wakes (the first {@value #MAX_REFUSALS} of each lane), and every dense result.
 */
public final class ReportRecorder implements WindowObserver, DetectionSink {
    /** Refused wakes kept per lane; the rest are only counted. */
    static final int MAX_REFUSALS = 20_000;

    private final Map<String, Lane> lanes = new LinkedHashMap<>();
    private final List<Detection> results = new ArrayList<>();

    /** One lane's record. */
    static final class Lane {
        final LaneTrace trace;
        private long[] wakeEnds = new long[64];
        private int wakes;
        final List<Refusal> refusals = new ArrayList<>();
        long refused;

        Lane(int neurons) {
            trace = new LaneTrace(neurons);
        }

        long[] wakeEndsUs() {
            return Arrays.copyOf(wakeEnds, wakes);
        }
    }

    /**
     * A refused wake.
     *
     * @param endUs   end of the window whose wake was refused
     * @param outcome which refusal
     */
    record Refusal(long endUs, WakeDecision.Outcome outcome) {
    }

    @Override
    public void window(String sensor, long endUs, int[] counts, WakeDecision decision) {
        Lane lane = lanes.computeIfAbsent(sensor, s -> new Lane(counts.length));
        lane.trace.window(endUs, counts, decision);
        if (decision.wake()) {
            if (lane.wakes == lane.wakeEnds.length) {
                lane.wakeEnds = Arrays.copyOf(lane.wakeEnds, 2 * lane.wakes);
            }
            lane.wakeEnds[lane.wakes++] = endUs;
        } else if (decision.outcome().refused()) {
            lane.refused++;
            if (lane.refusals.size() < MAX_REFUSALS) {
                lane.refusals.add(new Refusal(endUs, decision.outcome()));
            }
        }
    }

    @Override
    public void frontEnergy(String sensor, long endUs, double frontJ) {
        Lane lane = lanes.get(sensor);
        if (lane != null) {
            lane.trace.frontEnergy(frontJ);
        }
    }

    @Override
    public void accept(Detection detection) {
        results.add(detection);
        Lane lane = lanes.get(detection.sensor());
        if (lane != null) {
            lane.trace.denseRun();
        }
    }

    /** The lanes seen, in first-seen order. */
    Map<String, Lane> lanes() {
        return lanes;
    }

    /** Every dense result, in the order made. */
    public List<Detection> results() {
        return results;
    }

    /** End times of each lane's waking windows, ascending, by lane. */
    public Map<String, long[]> wakeEndsUs() {
        Map<String, long[]> m = new LinkedHashMap<>();
        lanes.forEach((sensor, lane) -> m.put(sensor, lane.wakeEndsUs()));
        return m;
    }
}
