/**
 * Vigil's MQTT delivery: a transport over Eclipse Paho (MQTT 5, or 3.1.1 where the broker speaks only
 * that), TLS and password settings, delivery (detections stored in the on-disk outbox on the sensing
 * loop's thread, and a publisher thread that drains it in order with backoff and jitter between
 * connection attempts, within its in-flight window), metrics, Home Assistant discovery, the
 * {@code config/set} commands that change live settings all-or-nothing, and the embedded broker.
 */
package dev.vigil.runtime.mqtt;
