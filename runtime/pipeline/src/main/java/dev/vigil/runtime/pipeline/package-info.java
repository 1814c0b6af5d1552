/**
 * The sensing pipeline: one lane per stream, fed by any {@link dev.vigil.sensors.SensorSource}, live or
 * replayed, and emitting {@link dev.vigil.runtime.pipeline.Detection}s to sinks. A lane composes the
 * encoder, a step binner (input spikes into one batch per timestep on a HAL device), the window
 * accumulator, a wake gate (pre-trigger buffer, wake policy, fusion, refusals, post-trigger wait) and
 * the dense stage; its statistics come in the same three parts: front end, wake and dense. What a lane
 * runs is a bundle lane ({@code dev.vigil.runtime.bundle}), the built-in one or a bundle's, fitted to its
 * stream by {@link dev.vigil.runtime.pipeline.LaneModels}.
 */
package dev.vigil.runtime.pipeline;
