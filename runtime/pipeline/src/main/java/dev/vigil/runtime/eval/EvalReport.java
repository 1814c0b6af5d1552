package dev.vigil.runtime.eval;

import java.util.List;

/**
 * What {@code vigil eval} measured.
 *
 * @param log          the log evaluated
 * @param recordedS    seconds of device time it covers
 * @param frontDevice  HAL device of the front end
 * @param denseDevice  dense device
 * @param board        board power profile
 * @param model        the bundle used, or "built-in"
 * @param negativeLabels labels scored as distractors
 * @param lanes        per-lane figures
 * @param sweeps       per lane, miss rate against false accepts per hour over the dense head's score (empty
 *                     when not asked for)
 */
public record EvalReport(String log, double recordedS, String frontDevice, String denseDevice, BoardPower board,
                         String model, List<String> negativeLabels, List<LaneReport> lanes, List<LaneSweep> sweeps) {
    public EvalReport {
        negativeLabels = List.copyOf(negativeLabels);
        lanes = List.copyOf(lanes);
        sweeps = List.copyOf(sweeps);
    }

    /** The same report without the sweeps. */
    public EvalReport withoutSweeps() {
        return new EvalReport(log, recordedS, frontDevice, denseDevice, board, model, negativeLabels, lanes, List.of());
    }
}
