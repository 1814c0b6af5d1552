/**
 * The event-driven execution engine shared by the emulated devices: networks lowered to
 * structure-of-arrays synapse tables and neuron state, no allocation per event or step; its inner loops
 * in two kernel sets that compute the same integers, on the Vector API and in scalar Java.
 */
package dev.vigil.drivers.accel.engine;
