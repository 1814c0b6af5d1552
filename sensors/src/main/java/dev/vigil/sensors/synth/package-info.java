/**
 * A small, seeded scene generator: a moving edge for the event camera, a spoken-band burst in
 * background noise for audio, and a bearing-fault impulse train on a shaft-rate vibration. It writes
 * the example recording that ships with Vigil.
 */
package dev.vigil.sensors.synth;
