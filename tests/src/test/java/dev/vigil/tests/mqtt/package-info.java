/**
 * MQTT delivery against real brokers: a replay's detections received over MQTT (embedded Moquette and
 * Mosquitto) equal to what it printed, broker outages mid-replay, a killed runtime, a full outbox, TLS
 * and passwords, {@code config/set} commands; with helpers that start Mosquitto with a generated
 * config, a test CA and a password file, and an independent subscriber.
 */
package dev.vigil.tests.mqtt;
