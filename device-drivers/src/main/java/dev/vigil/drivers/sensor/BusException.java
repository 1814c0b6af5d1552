package dev.vigil.drivers.sensor;

import java.io.IOException;

/** A bus transfer failed or a chip answered with something it never should (wrong id, bad length). */
public final class BusException extends IOException {
    private static final long serialVersionUID = 1L;

    /** A failure described by {@code message}. */
    public BusException(String message) {
        super(message);
    }

    /** A failure described by {@code message}, caused by {@code cause}. */
    public BusException(String message, Throwable cause) {
        super(message, cause);
    }
}
