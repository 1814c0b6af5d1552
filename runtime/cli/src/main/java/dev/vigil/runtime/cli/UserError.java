package dev.vigil.runtime.cli;

/** A problem with what the user asked for (missing file, bad config): reported in one line, no trace. */
public final class UserError extends Exception {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    /** An error with exit code 1. */
    public UserError(String message) {
        this(message, 1);
    }

    /** An error with {@code exitCode}. */
    public UserError(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    /** The process exit code to use. */
    public int exitCode() {
        return exitCode;
    }
}
