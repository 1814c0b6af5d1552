package dev.vigil.runtime.nir;

import java.io.IOException;

/** A NIR file that cannot be imported: names the file and the node, edge or parameter at fault. */
public final class NirFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    /** Problem {@code message} in {@code file}. */
    public NirFormatException(String file, String message) {
        super(file + ": " + message);
    }
}
