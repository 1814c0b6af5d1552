/**
 * What every log reader builds on: {@link dev.vigil.sensors.formats.FormatOptions} supplies what a
 * file does not say, {@link dev.vigil.sensors.formats.LogFormatException} reports unreadable files,
 * {@link dev.vigil.sensors.formats.FileWindowSource} reads a file through one reused window and, for
 * one event stream of fixed-size records, {@link dev.vigil.sensors.formats.EventFileSource};
 * {@link dev.vigil.sensors.formats.RegularFile} refuses pipes and devices before a reader opens them,
 * and {@link dev.vigil.sensors.formats.TimeGuard} keeps each event stream's time monotonic and
 * plausible, re-basing and reporting damaged timestamps. Readers
 * live in the sub-packages, one per format family; {@link dev.vigil.sensors.logs} opens them.
 */
package dev.vigil.sensors.formats;
