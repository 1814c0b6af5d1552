package dev.vigil.runtime.outbox;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A directory the outbox will not use because someone else could read, replace or plant its files: a
 * symbolic link, another user's, or writable by other users.
 */
public final class UnsafeDirectoryException extends IOException {
    private static final long serialVersionUID = 1L;

    /** {@code dir} is refused because of {@code problem}; {@code fix} says what to do. */
    UnsafeDirectoryException(Path dir, String problem, String fix) {
        super("outbox directory " + dir + " " + problem + ": " + fix
                + ", or set broker.outbox.dir to a directory of your own");
    }
}
