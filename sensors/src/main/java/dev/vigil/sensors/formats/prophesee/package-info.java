/**
 * Prophesee event formats: EVT 2.0 (32-bit words) and EVT 3.0 (16-bit words, vectorised) raw files,
 * with an EVT 3.0 writer, and the older 8-byte-event DAT files.
 */
package dev.vigil.sensors.formats.prophesee;
