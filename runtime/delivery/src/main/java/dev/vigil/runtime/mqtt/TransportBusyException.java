package dev.vigil.runtime.mqtt;

/** The connection already has as many unacknowledged messages as it may; try again after an acknowledgement. */
public final class TransportBusyException extends TransportException {
    private static final long serialVersionUID = 1L;

    /** With the client's own exception as cause. */
    public TransportBusyException(Throwable cause) {
        super("too many messages in flight", cause);
    }
}
