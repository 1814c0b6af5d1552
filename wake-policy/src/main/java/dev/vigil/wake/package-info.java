/**
 * Pure, deterministic wake logic: the accumulator that turns per-step spike counts into windowed
 * counts, the pre-trigger buffer that keeps the windows before a trigger, and the policies that decide
 * from those counts whether a moment is salient enough to wake the dense stage. Triggers (threshold
 * with hysteresis, per-class thresholds, adaptive baseline) compose with decorators (k-of-n, cooldown,
 * wake budget); {@link dev.vigil.wake.SensorFusion} combines sensors. Every decision carries its reason.
 * No I/O, no clocks: time is what the caller says it is.
 */
package dev.vigil.wake;
