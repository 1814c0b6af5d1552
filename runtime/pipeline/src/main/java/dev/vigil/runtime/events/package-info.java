/**
 * Events: detections of a lane that persist over consecutive windows, folded into one event with an
 * id, a start and an end, for automations that want "it began" and "it stopped" rather than one message
 * per detection.
 */
package dev.vigil.runtime.events;
