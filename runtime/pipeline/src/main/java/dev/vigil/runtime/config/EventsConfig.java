package dev.vigil.runtime.config;

import static dev.vigil.runtime.config.BadValueException.inRange;

/**
 * Event start and end messages: a detection that persists over consecutive windows of a lane is one
 * event. Off by default, so an existing deployment keeps publishing detections only.
 *
 * @param enabled         publish {@code events/<sensor>} start and end messages (needs MQTT)
 * @param endAfterWindows an event ends after this many windows in a row with no detection while the
 *                        lane's wake policy no longer considers the scene salient
 * @param haOffDelayS     Home Assistant turns the lane's binary sensor off after this many seconds even
 *                        if no {@code end} came (a safety net); 0 = never
 * @param clips           one clip of raw input per event, under the state directory
 */
public record EventsConfig(boolean enabled, int endAfterWindows, int haOffDelayS, ClipsConfig clips) {

    public EventsConfig {
        inRange("end-after-windows", endAfterWindows, 1, 1_000_000);
        inRange("ha-off-delay-s", haOffDelayS, 0, 86_400);
    }
}
