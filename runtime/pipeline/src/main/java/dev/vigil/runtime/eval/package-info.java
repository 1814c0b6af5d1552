/**
 * {@code vigil eval}: scores a log's wakes and detections against labelled intervals (targets,
 * distractors and background, {@link dev.vigil.runtime.eval.LaneScore}) and weighs the
 * energy of wake-on-salience against running the dense stage on every window, with NeuroBench-style
 * figures (synaptic operations, activation sparsity, footprint).
 */
package dev.vigil.runtime.eval;
