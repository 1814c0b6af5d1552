/**
 * The source contract shared by live drivers and log readers: stream descriptors and the reused,
 * structure-of-arrays batches ({@link dev.vigil.sensors.EventBatch}, {@link dev.vigil.sensors.SampleBatch})
 * a {@link dev.vigil.sensors.SensorSource} yields.
 */
package dev.vigil.sensors;
