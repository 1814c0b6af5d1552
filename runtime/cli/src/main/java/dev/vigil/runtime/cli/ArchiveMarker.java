package dev.vigil.runtime.cli;

import org.tinylog.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The launcher's mark that this process maps the class-data-sharing archive ({@value #PROPERTY}, a file the
 * launcher made before it started the JVM). Removed when the process exits in order (return, {@code System.exit},
 * SIGTERM, Ctrl-C); a mark left behind tells the next launch that the JVM crashed or was killed with the archive
 * mapped, and the launcher drops the archive, since the JVM crashes on a damaged one rather than refusing it.
 */
final class ArchiveMarker {
    /** The system property naming the mark. */
    static final String PROPERTY = "vigil.cds-marker";

    private ArchiveMarker() {
    }

    /** Removes the mark named by {@value #PROPERTY}, if any, when the JVM shuts down in order. */
    static void removeOnExit() {
        String mark = System.getProperty(PROPERTY);
        if (mark != null && !mark.isBlank()) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> remove(Path.of(mark)), "vigil-archive-mark"));
        }
    }

    private static void remove(Path mark) {
        try {
            Files.deleteIfExists(mark);
        } catch (IOException e) {
            Logger.warn("could not remove {}: {}; the next start drops the class-data-sharing archive", mark, e.getMessage());
        }
    }
}
