/**
 * Vigil's own recording format ({@code .vlog}): a CRC-checked header of stream descriptors, then
 * CRC32C-checked chunks of one stream each. See {@code docs/log-format.md}.
 */
package dev.vigil.sensors.vlog;
