/**
 * The dense stage: small int8 models (fully connected and convolutional layers) that run only when
 * the wake policy fires, on the waking window's spike counts plus the pre-trigger windows, and label
 * what happened. The golden engine runs on the CPU; accelerators plug in as {@link
 * dev.vigil.runtime.dense.DenseDevice}s and must agree with it bit for bit.
 */
package dev.vigil.runtime.dense;
