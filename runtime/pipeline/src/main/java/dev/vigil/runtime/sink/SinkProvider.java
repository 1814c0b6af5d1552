package dev.vigil.runtime.sink;

import dev.vigil.runtime.config.VigilConfig;
import dev.vigil.runtime.pipeline.DetectionSink;

import java.io.IOException;
import java.util.Optional;

/**
 * Service-provider interface for sinks contributed by modules above runtime (for example the board's
 * GPIO wake line), declared in {@code META-INF/services/dev.vigil.runtime.sink.SinkProvider}. Live runs
 * ({@code vigil run}) open every provider's sink next to the JSON and MQTT sinks.
 */
public interface SinkProvider {

    /** Short name for logs. */
    String id();

    /** A sink for this deployment, or empty when it does not apply here (e.g. a host without GPIO). */
    Optional<DetectionSink> open(VigilConfig config) throws IOException;
}
