package dev.vigil.runtime.cli;

import dev.vigil.sensors.SensorSource;
import dev.vigil.sensors.formats.FormatOptions;
import dev.vigil.sensors.formats.LogSource;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.Locale;

/** Options for log files that do not describe themselves fully (shared by replay, inspect, convert). */
final class FormatFlags {

    @Option(names = "--sample-rate", paramLabel = "HZ", description = "sample rate of files that do not store one (.mat, CSV without time); default 12000")
    Double sampleRate;

    @Option(names = "--units", paramLabel = "UNIT", description = "units of vibration samples when the file does not say, e.g. g or m/s^2")
    String units;

    @Option(names = "--axes", paramLabel = "NAME", split = ",", description = ".mat variables or CSV columns to read as axes, in order")
    List<String> axes;

    @Option(names = "--time-column", paramLabel = "NAME", description = "CSV time column (name, 0-based index, or 'none')")
    String timeColumn;

    @Option(names = "--time-unit", paramLabel = "UNIT", description = "unit of the CSV time column: s, ms or us (default s)")
    String timeUnit;

    @Option(names = "--resolution", paramLabel = "WxH", description = "event-camera resolution when the file does not state it")
    String resolution;

    @Option(names = "--max-time-jump", paramLabel = "S", description = "largest step of event time, in seconds, that is not damage (default 60); larger steps and steps back are reported and re-based")
    Double maxTimeJump;

    /**
     * What to say about the sample rate of {@code source} when its file stores none, or null when it
     * does: the rate taken and where from (--sample-rate, or its default of 12 kHz).
     */
    String sampleRateNote(SensorSource source) throws UserError {
        return sampleRateNote(!(source instanceof LogSource log) || log.sampleRateInFile());
    }

    /** As {@link #sampleRateNote(SensorSource)} for a file that does ({@code inFile}) or does not store its rate. */
    String sampleRateNote(boolean inFile) throws UserError {
        if (inFile) {
            return null;
        }
        String rate = String.format(Locale.ROOT, "%,.0f Hz", options().sampleRateHz());
        return sampleRate != null ? "the file stores no sample rate: " + rate + " from --sample-rate"
                : "the file stores no sample rate: " + rate + " assumed (the default; set --sample-rate, e.g. "
                + "--sample-rate 48000 for CWRU's 48 kHz files)";
    }

    /** The options these flags describe, or a one-line error. */
    FormatOptions options() throws UserError {
        FormatOptions o = FormatOptions.defaults();
        try {
            if (sampleRate != null) {
                o = o.withSampleRate(sampleRate);
            }
            if (units != null) {
                o = o.withUnits(units);
            }
            if (axes != null) {
                o = o.withVariables(axes);
            }
            if (timeColumn != null || timeUnit != null) {
                o = o.withTimeColumn(timeColumn == null ? o.timeColumn() : timeColumn, timeUnit == null ? o.timeUnit() : timeUnit);
            }
            if (resolution != null) {
                int[] wh = resolution(resolution);
                o = o.withResolution(wh[0], wh[1]);
            }
            if (maxTimeJump != null) {
                if (!(maxTimeJump >= 1e-6 && maxTimeJump <= 1e9)) {
                    throw new UserError("--max-time-jump " + maxTimeJump + " is refused: give seconds between 0.000001 and 1e9");
                }
                o = o.withMaxTimeJumpUs(Math.round(maxTimeJump * 1e6));
            }
        } catch (NumberFormatException e) {
            throw new UserError("--resolution " + resolution + " is refused: use WIDTHxHEIGHT, e.g. 346x260");
        } catch (IllegalArgumentException e) {
            throw new UserError("format options refused: " + e.getMessage());
        }
        return o;
    }

    /** {@code WIDTHxHEIGHT} as {width, height}, or a one-line refusal naming {@code --resolution}. */
    static int[] resolution(String text) throws UserError {
        String[] wh = text.toLowerCase(java.util.Locale.ROOT).split("x");
        try {
            if (wh.length == 2) {
                int w = Integer.parseInt(wh[0].strip());
                int h = Integer.parseInt(wh[1].strip());
                if (w > 0 && h > 0) {
                    return new int[] {w, h};
                }
            }
        } catch (NumberFormatException e) {
            // refused below, with the form to use
        }
        throw new UserError("--resolution " + text + " is refused: use WIDTHxHEIGHT, e.g. 346x260");
    }
}
