package dev.vigil.runtime.mqtt;

/** A publish or subscribe could not be handed to the connection. */
public class TransportException extends Exception {
    private static final long serialVersionUID = 1L;

    /** With a message and cause. */
    public TransportException(String message, Throwable cause) {
        super(message, cause);
    }
}
