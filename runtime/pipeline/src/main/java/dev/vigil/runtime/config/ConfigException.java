package dev.vigil.runtime.config;

/** A configuration that cannot be used, naming the key, the value and the reason. */
public final class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    /** A refusal with a ready message. */
    public ConfigException(String message) {
        super(message);
    }
}
