/**
 * The device-independent description of a spiking network: layers of integer neurons with their
 * weights and neuron parameters, as the compiler receives them.
 */
package dev.vigil.runtime.network;
