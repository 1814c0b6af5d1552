package dev.vigil.runtime.bundle;

/** A model bundle that cannot be read, naming the file and the field. */
public final class BundleException extends Exception {
    private static final long serialVersionUID = 1L;

    /** A refusal with a ready message. */
    public BundleException(String message) {
        super(message);
    }
}
