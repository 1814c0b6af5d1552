/**
 * Vigil's MQTT delivery: a transport over Eclipse Paho (MQTT 5, or 3.1.1 where the broker speaks only
 * that), TLS and password settings, the publisher thread that drains the on-disk outbox in order with
 * backoff and jitter between connection attempts (with its hand-off limit and in-flight window),
 * metrics, Home Assistant discovery and the {@code config/set} commands that change live settings
 * all-or-nothing.
 */
package dev.vigil.runtime.mqtt;
