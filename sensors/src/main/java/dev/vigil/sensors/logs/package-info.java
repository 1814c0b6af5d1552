/**
 * Opening any recording: {@link dev.vigil.sensors.logs.LogFormats} detects a file's format and opens
 * its reader, {@link dev.vigil.sensors.logs.LogConverter} merges logs into one Vigil recording, and
 * {@link dev.vigil.sensors.logs.SourceSummary} describes a log for {@code vigil inspect}. It sits above
 * the readers ({@link dev.vigil.sensors.formats} and its sub-packages, {@link dev.vigil.sensors.vlog}),
 * which never refer back to it.
 */
package dev.vigil.sensors.logs;
