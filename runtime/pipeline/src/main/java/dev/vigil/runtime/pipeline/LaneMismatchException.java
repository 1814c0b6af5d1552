package dev.vigil.runtime.pipeline;

/**
 * A lane whose front end cannot run on its stream: the model's input shape is not what the encoder
 * makes of the stream, or its step does not divide the window hop. The message is one line naming
 * both sides and what to configure.
 */
public final class LaneMismatchException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** A refusal with a ready message. */
    public LaneMismatchException(String message) {
        super(message);
    }
}
