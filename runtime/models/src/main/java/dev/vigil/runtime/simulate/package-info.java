/**
 * Running a compiled spiking front end on recorded input spikes: reading them from CSV or NPY files,
 * stepping a device session, and the per-neuron spike record with the device's activity and energy.
 */
package dev.vigil.runtime.simulate;
