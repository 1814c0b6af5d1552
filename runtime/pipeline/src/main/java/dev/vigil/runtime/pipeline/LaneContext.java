package dev.vigil.runtime.pipeline;

import dev.vigil.runtime.dense.DenseDevice;
import dev.vigil.runtime.hal.EnergyModel;
import dev.vigil.wake.SensorFusion;

/**
 * What every lane of a run shares.
 *
 * @param timing       how device time is cut into steps and windows
 * @param energy       the front-end device's energy model
 * @param denseDevice  where the dense stage runs
 * @param denseEnabled false when wakes only count and no dense stage runs
 * @param fusion       fuses the lanes' wakes
 * @param sink         receives the detections
 * @param observer     sees every window (null: nobody)
 * @param deviceId     the Vigil device, for detection ids
 * @param live         live settings in, statistics out
 */
record LaneContext(LaneTiming timing, EnergyModel energy, DenseDevice denseDevice, boolean denseEnabled,
                   SensorFusion fusion, DetectionSink sink, WindowObserver observer, String deviceId, LiveLanes live) {
}
