/**
 * Learning on the device: sidecar label files ({@code start_us,end_us,label[,sensor]}), the window recorder,
 * the wake-threshold fit, the dense-head trainer (SGD with a fixed seed; optionally a few-shot
 * prototype last layer), negative (distractor) labels as reject classes, and the model bundle format {@code vigil train} writes and {@code vigil eval} reads.
 */
package dev.vigil.runtime.learn;
