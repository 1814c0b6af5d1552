/**
 * Turning imported models into device programs: quantisation to fixed point with an error report,
 * compilation onto a device (a {@link dev.vigil.runtime.compile.CompiledFrontEnd}: program, input
 * shape, readout names), the quantised network exported back as a NIR graph, and the model bundle
 * (manifest, weights, SHA-256).
 */
package dev.vigil.runtime.compile;
