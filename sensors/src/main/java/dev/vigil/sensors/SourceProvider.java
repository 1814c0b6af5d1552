package dev.vigil.sensors;

import java.io.IOException;
import java.util.Map;

/**
 * Service-provider interface for live sources (sensor drivers), declared in
 * {@code META-INF/services/dev.vigil.sensors.SourceProvider} and found with
 * {@link java.util.ServiceLoader}. The config's {@code sources} list names a provider by
 * {@link #id()} and hands it string settings. Live sources stamp their batches in microseconds of
 * the JVM's monotonic clock ({@code System.nanoTime() / 1000}), so that streams from different
 * sensors share one time base.
 */
public interface SourceProvider {

    /** Short id used in the config, e.g. {@code "adxl345"}. */
    String id();

    /** One line for humans: the sensor and the bus. */
    String description();

    /**
     * Opens the source. Unknown or bad {@code settings} are refused with an
     * {@link IllegalArgumentException} naming the key, the value and the reason.
     */
    SensorSource open(Map<String, String> settings) throws IOException;
}
