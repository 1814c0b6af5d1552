/**
 * Learning on the device: sidecar label files ({@code start_us,end_us,label}), the window recorder,
 * the wake-threshold fit, the dense-head trainer (SGD with a fixed seed, then a few-shot prototype
 * last layer) and the model bundle format {@code vigil train} writes and {@code vigil eval} reads.
 */
package dev.vigil.runtime.learn;
