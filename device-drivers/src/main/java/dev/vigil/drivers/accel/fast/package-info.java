/** The fastest emulated device: the shared event-driven engine without hardware limits. */
package dev.vigil.drivers.accel.fast;
