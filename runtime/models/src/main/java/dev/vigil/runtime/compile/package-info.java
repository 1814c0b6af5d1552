/**
 * Turning imported models into device programs: quantisation to fixed point with an error report,
 * compilation onto a device, and the model bundle (manifest, weights, SHA-256).
 */
package dev.vigil.runtime.compile;
