package dev.vigil.runtime.sink;

/** The broker could not be reached or refused the connection; the message names the URL and the cause. */
public final class BrokerUnavailableException extends Exception {
    private static final long serialVersionUID = 1L;

    /** {@code url} could not be used because of {@code why}. */
    public BrokerUnavailableException(String url, String why, Throwable cause) {
        super("cannot connect to MQTT broker " + url + ": " + why, cause);
    }
}
