/**
 * The Akida-class emulated device: event-based layers with multi-bit activations and narrow weights
 * after AKD1000, few-shot learning of the last layer, and (an emulation choice after the second
 * generation, Akida 2.0) stateful current-based LIF neurons and recurrent dense layers.
 */
package dev.vigil.drivers.accel.akida;
