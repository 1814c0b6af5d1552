/**
 * {@code vigil eval}: scores a log's wakes and detections against labelled intervals and weighs the
 * energy of wake-on-salience against running the dense stage on every window, with NeuroBench-style
 * figures (synaptic operations, activation sparsity, footprint).
 */
package dev.vigil.runtime.eval;
