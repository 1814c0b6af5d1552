/**
 * Spike encoders: turn a stream's batches into input spikes (time, channel) for the spiking front
 * end. Event-camera events already are spikes and are mapped onto a grid; audio and vibration go
 * through a band-pass filterbank with log-domain level-crossing (delta) spike generation.
 */
package dev.vigil.sensors.encode;
