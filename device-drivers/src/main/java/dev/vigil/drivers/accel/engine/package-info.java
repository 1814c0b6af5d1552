/**
 * The event-driven execution engine shared by the emulated devices: networks lowered to
 * structure-of-arrays synapse tables and neuron state, no allocation per event or step.
 */
package dev.vigil.drivers.accel.engine;
