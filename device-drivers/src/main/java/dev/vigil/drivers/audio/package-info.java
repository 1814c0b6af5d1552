/**
 * Live audio from an ALSA or USB microphone through {@code javax.sound.sampled}: a
 * {@link dev.vigil.drivers.audio.MicrophoneReader} over a {@link javax.sound.sampled.TargetDataLine},
 * run by the same guarded source as the bus sensors, and its {@code microphone} provider.
 */
package dev.vigil.drivers.audio;
