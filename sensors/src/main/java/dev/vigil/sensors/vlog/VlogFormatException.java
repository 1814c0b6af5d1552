package dev.vigil.sensors.vlog;

import dev.vigil.sensors.formats.LogFormatException;

/** A Vigil recording that cannot be read at all: bad magic, unsupported version or corrupt header. */
public final class VlogFormatException extends LogFormatException {
    private static final long serialVersionUID = 1L;

    /** An error about {@code file} at byte {@code offset}. */
    public VlogFormatException(String file, long offset, String what) {
        super(file, offset, "header", what);
    }
}
