/**
 * Where detections go: JSON lines on a stream ({@link dev.vigil.runtime.sink.DetectionJson} is the one
 * JSON form), fan-out to several sinks, and the embedded Moquette broker used when no broker is
 * configured. Publishing over MQTT lives in {@code dev.vigil.runtime.mqtt}.
 */
package dev.vigil.runtime.sink;
