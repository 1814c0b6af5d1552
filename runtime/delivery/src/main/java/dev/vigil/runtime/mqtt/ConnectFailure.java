package dev.vigil.runtime.mqtt;

/**
 * A connection attempt failed. {@link #kind()} tells whether trying again can help: an unreachable
 * broker may come back, a refused password or an untrusted certificate will not.
 */
public final class ConnectFailure extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why a connection failed. */
    public enum Kind {
        /** Nothing answered, or the network dropped: retry with backoff. */
        UNREACHABLE,
        /** The broker refused the credentials or the client is not authorised. */
        AUTH,
        /** The TLS handshake failed (untrusted certificate, wrong host name, bad client certificate). */
        TLS,
        /** The broker answered but not with MQTT we speak (wrong protocol version, or a TLS port spoken to in plain text). */
        PROTOCOL,
        /** The local settings cannot be used (unreadable CA or key file). */
        SETTINGS
    }

    private final Kind kind;

    /** A failure of {@code kind} with a message for the user. */
    public ConnectFailure(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    /** Why it failed. */
    public Kind kind() {
        return kind;
    }

    /** True when a later attempt may succeed without a change of settings. */
    public boolean retryable() {
        return kind == Kind.UNREACHABLE;
    }
}
