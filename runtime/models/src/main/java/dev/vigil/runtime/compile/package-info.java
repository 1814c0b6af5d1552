/**
 * Turning imported models into device programs: quantisation to fixed point with an error report,
 * compilation onto a device (a {@link dev.vigil.runtime.compile.CompiledFrontEnd}: program, input
 * shape, readout names), and the quantised network exported back as a NIR graph. The pipeline's model
 * bundle ({@code dev.vigil.runtime.bundle}) stores the result.
 */
package dev.vigil.runtime.compile;
