/**
 * Devices behind Vigil's contracts: emulated neuromorphic accelerators behind the HAL, and live
 * sensors behind the source contract. Each is found with {@link java.util.ServiceLoader}.
 */
package dev.vigil.drivers;
