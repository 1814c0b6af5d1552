package dev.vigil.runtime.cli;

import org.tinylog.configuration.Configuration;

import java.util.Map;

/**
 * Logging of the {@code vigil} command (tinylog, configured in {@code tinylog.properties}): Vigil's
 * own messages from info up, third-party libraries (Pi4J, Moquette, Netty, Paho, jHDF...) silent.
 * {@code VIGIL_DEBUG=1} turns on debug messages for everything, with stack traces.
 */
public final class Logging {
    /** The environment variable that turns on debug output. */
    public static final String DEBUG_VARIABLE = "VIGIL_DEBUG";

    private Logging() {
    }

    /** Whether {@code VIGIL_DEBUG=1} is set. */
    public static boolean debug() {
        return "1".equals(System.getenv(DEBUG_VARIABLE));
    }

    /** The configuration keys that {@code debug} changes from tinylog.properties (none without it). */
    static Map<String, String> overrides(boolean debug) {
        return debug ? Map.of("level", "debug", "level@dev.vigil", "debug", "writer.level", "debug",
                "writer.stacktraces", "true") : Map.of();
    }

    /** Applies {@link #overrides} for this process; call before the first log line. */
    static void configure() {
        if (!Configuration.isFrozen()) {
            overrides(debug()).forEach(Configuration::set);
        }
    }
}
