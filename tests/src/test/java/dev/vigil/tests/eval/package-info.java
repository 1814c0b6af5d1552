/**
 * Acceptance of wake-on-salience on real recordings: logs built from the shared WAV, MAT and event
 * files with events at known offsets, trained with {@code vigil train} on one part and scored with
 * {@code vigil eval} on another.
 */
package dev.vigil.tests.eval;
