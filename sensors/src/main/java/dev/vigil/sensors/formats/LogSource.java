package dev.vigil.sensors.formats;

import dev.vigil.sensors.SensorSource;

/** A {@link SensorSource} read from a log file, which knows its format. */
public interface LogSource extends SensorSource {

    /** The format this source decodes. */
    LogFormat format();
}
