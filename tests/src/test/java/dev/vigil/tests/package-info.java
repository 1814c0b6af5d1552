/**
 * Cross-module tests: the CLI's behaviour on bad input, determinism, and the wake-gated dense stage
 * (end-to-end replay over MQTT lives in {@code dev.vigil.tests.mqtt}).
 */
package dev.vigil.tests;
