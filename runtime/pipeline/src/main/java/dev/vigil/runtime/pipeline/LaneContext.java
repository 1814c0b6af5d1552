package dev.vigil.runtime.pipeline;

import dev.vigil.runtime.dense.DenseDevice;
import dev.vigil.runtime.hal.EnergyModel;
import dev.vigil.wake.SensorFusion;

/**
 * What every lane of a run shares.
 *
 * @param originUs      the run's time origin: each lane counts its steps from the last multiple of its
 *                      step at or before it
 * @param hopUs         time between windows
 * @param hopsPerWindow hops a window spans
 * @param energy        the front-end device's energy model
 * @param denseDevice   where the dense stage runs
 * @param denseEnabled  false when wakes only count and no dense stage runs
 * @param fusion        fuses the lanes' wakes
 * @param sink          receives the detections
 * @param observer      sees every window (null: nobody)
 * @param deviceId      the Vigil device, for detection ids
 * @param live          live settings in, statistics out
 * @param featureHeads  the heads reading features instead of spike counts, by stream id (most lanes have none)
 */
record LaneContext(long originUs, long hopUs, int hopsPerWindow, EnergyModel energy, DenseDevice denseDevice,
                   boolean denseEnabled, SensorFusion fusion, DetectionSink sink, WindowObserver observer, String deviceId,
                   LiveLanes live, java.util.Map<Integer, FeatureHead> featureHeads) {

    /** How a lane stepping every {@code stepUs} cuts its time. */
    LaneTiming timing(long stepUs) {
        return new LaneTiming(Math.floorDiv(originUs, stepUs) * stepUs, stepUs, (int) (hopUs / stepUs), hopsPerWindow);
    }
}
