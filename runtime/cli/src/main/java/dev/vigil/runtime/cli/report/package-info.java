/**
 * {@code vigil report}: watches a run window by window ({@link dev.vigil.runtime.cli.report.ReportRecorder},
 * bounded per lane by merging columns) and writes it, scored, as one self-contained HTML page.
 */
package dev.vigil.runtime.cli.report;
