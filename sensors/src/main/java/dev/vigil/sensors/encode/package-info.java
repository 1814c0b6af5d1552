/**
 * Spike encoders: turn a stream's batches into input spikes (time, channel) for the spiking front
 * end. Event-camera events already are spikes; they are cleaned (region of interest, hot-pixel,
 * refractory and background-activity filters, downsampling, each counted) and mapped onto a grid.
 * Audio and vibration go through a band-pass filterbank with log-domain level-crossing (delta) spike
 * generation, or spikes above a per-band adaptive noise floor; vibration can also use the envelope technique of bearing diagnosis, with defect
 * frequencies from the bearing's geometry.
 */
package dev.vigil.sensors.encode;
