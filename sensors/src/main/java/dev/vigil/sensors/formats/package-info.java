/**
 * Reading recorded sensor logs: {@link dev.vigil.sensors.formats.LogFormats} detects a file's format
 * and opens its reader, {@link dev.vigil.sensors.formats.FormatOptions} supplies what a file does not
 * say, {@link dev.vigil.sensors.formats.SourceSummary} describes a log for {@code vigil inspect}, and
 * {@link dev.vigil.sensors.formats.LogFormatException} reports unreadable files. Readers live in the
 * sub-packages, one per format family.
 */
package dev.vigil.sensors.formats;
