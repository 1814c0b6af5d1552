/**
 * Cross-module tests: end-to-end replay through MQTT (embedded Moquette and a real Mosquitto), the
 * CLI's behaviour on bad input, determinism, and the wake-gated dense stage.
 */
package dev.vigil.tests;
