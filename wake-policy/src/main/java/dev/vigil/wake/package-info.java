/**
 * Pure, deterministic wake logic: the accumulator that turns per-step spike counts into windowed
 * counts, and the policies that decide from those counts whether a moment is salient enough to wake
 * the dense stage. No I/O, no clocks: time is what the caller says it is.
 */
package dev.vigil.wake;
