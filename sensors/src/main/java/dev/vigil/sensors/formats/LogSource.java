package dev.vigil.sensors.formats;

import dev.vigil.sensors.SensorSource;

/** A {@link SensorSource} read from a log file, which knows its format. */
public interface LogSource extends SensorSource {

    /** The format this source decodes. */
    LogFormat format();

    /**
     * How much of the log has been read, from 0 to 1 (by bytes, or by frames for a file read whole),
     * or NaN when the source cannot tell. For progress reports; call from the reading thread.
     */
    default double fractionRead() {
        return Double.NaN;
    }

    /**
     * Whether the sample rates of this log's sampled streams come from the file (stored, or measured
     * from its time stamps); false when the file holds none and {@link FormatOptions#sampleRateHz()}
     * was used (a .mat file, a CSV file without a time column).
     */
    default boolean sampleRateInFile() {
        return true;
    }
}
