/**
 * The golden reference device: written to be obviously correct, not fast. Every emulated device must
 * agree with it bit for bit on the same compiled program and input.
 */
package dev.vigil.runtime.hal.reference;
