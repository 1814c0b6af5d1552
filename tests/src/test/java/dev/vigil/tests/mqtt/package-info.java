/**
 * MQTT delivery against real brokers: a replay's detections received over MQTT (embedded Moquette and
 * Mosquitto) equal to what it printed, broker outages and hangs mid-run, a killed runtime, a damaged or
 * full outbox, where the outbox may live, detection ids, TLS and passwords, who may send
 * {@code config/set} commands and how large, the embedded broker keeping to the machine, and a chaos
 * run of all of these at random; with helpers that start Mosquitto with a generated config (and hang
 * it), a test CA and a password file, an independent subscriber, Vigil in a child JVM, and a name
 * resolver that records lookups.
 */
package dev.vigil.tests.mqtt;
