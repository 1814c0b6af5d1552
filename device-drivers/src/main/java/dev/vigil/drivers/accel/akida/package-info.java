/**
 * The Akida-class emulated device: event-based layers with multi-bit activations and narrow weights,
 * and few-shot learning of the last layer.
 */
package dev.vigil.drivers.accel.akida;
