/** Audio logs: RIFF/WAVE reading (integer PCM and float, any channel count) and resampling. */
package dev.vigil.sensors.formats.audio;
