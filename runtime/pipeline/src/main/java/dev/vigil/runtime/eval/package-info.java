/**
 * {@code vigil eval}: scores a log's wakes and detections against labelled intervals (targets,
 * distractors and background, {@link dev.vigil.runtime.eval.LaneScore}; one by one in
 * {@link dev.vigil.runtime.eval.LaneOutcomes}) and weighs the energy of wake-on-salience against running
 * the dense stage on every window part by part, each part with its source
 * ({@link dev.vigil.runtime.eval.EnergyBreakdown}, priced on a board's power profile,
 * {@link dev.vigil.runtime.eval.BoardPower}), with NeuroBench-style figures (synaptic operations,
 * activation sparsity, footprint); the miss rate against false accepts per hour as a score threshold sweeps
 * ({@link dev.vigil.runtime.eval.MissRateCurve}, per lane {@link dev.vigil.runtime.eval.LaneSweep}) and the
 * dense head's confusion matrix.
 */
package dev.vigil.runtime.eval;
