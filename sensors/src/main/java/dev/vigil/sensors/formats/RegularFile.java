package dev.vigil.sensors.formats;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The check every reader makes before opening a log: only a regular file (or a link to one) is read.
 * Opening a named pipe blocks until something writes to it, and a device never ends, so both are
 * refused at once. A missing file is left to the open, which names it.
 */
public final class RegularFile {

    private RegularFile() {
    }

    /** Throws a {@link LogFormatException} naming {@code file} unless it is a regular file or does not exist. */
    public static void require(Path file) throws LogFormatException {
        if (Files.isRegularFile(file) || !Files.exists(file)) {
            return;
        }
        throw new LogFormatException(file.toString(), -1, "", Files.isDirectory(file)
                ? "a directory, not a log file"
                : "not a regular file (a pipe, device or socket cannot be read as a log)");
    }
}
