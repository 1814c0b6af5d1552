/**
 * Where detections go: JSON lines on a stream, MQTT through Eclipse Paho (behind the small
 * {@link dev.vigil.runtime.sink.MqttPublisher} interface), and the embedded Moquette broker used when no
 * broker is configured.
 */
package dev.vigil.runtime.sink;
