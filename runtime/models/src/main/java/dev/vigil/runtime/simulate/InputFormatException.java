package dev.vigil.runtime.simulate;

import java.io.IOException;

/** An input file that cannot be read as spikes: names the file and the line, element or field at fault. */
public final class InputFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    /** Problem {@code message} at {@code where} (e.g. "line 12") of {@code file}. */
    public InputFormatException(String file, String where, String message) {
        super(file + (where.isEmpty() ? "" : ":" + where) + ": " + message);
    }
}
