/**
 * Turning imported models into device programs: quantisation to fixed point with an error report and
 * compilation onto a device. The pipeline's model bundle ({@code dev.vigil.runtime.bundle}) stores the
 * result.
 */
package dev.vigil.runtime.compile;
