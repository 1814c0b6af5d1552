/**
 * Reading recorded sensor logs: {@link dev.vigil.sensors.formats.LogFormats} detects a file's format
 * and opens its reader, {@link dev.vigil.sensors.formats.FormatOptions} supplies what a file does not
 * say, {@link dev.vigil.sensors.formats.SourceSummary} describes a log for {@code vigil inspect}, and
 * {@link dev.vigil.sensors.formats.LogFormatException} reports unreadable files. Readers live in the
 * sub-packages, one per format family; they build on {@link dev.vigil.sensors.formats.FileWindowSource}
 * (a file read through one reused window) and, for one event stream of fixed-size records,
 * {@link dev.vigil.sensors.formats.EventFileSource}.
 */
package dev.vigil.sensors.formats;
