/**
 * The sensing pipeline: one lane per stream (encoder, spiking front end on a HAL device, accumulator,
 * wake policy, dense stage), fed by any {@link dev.vigil.sensors.SensorSource}, live or replayed, and
 * emitting {@link dev.vigil.runtime.pipeline.Detection}s to sinks.
 */
package dev.vigil.runtime.pipeline;
