package dev.vigil.runtime.learn;

/** A label file that cannot be used, naming the file, the line and the reason. */
public final class LabelFileException extends Exception {
    private static final long serialVersionUID = 1L;

    /** A refusal with a ready message. */
    public LabelFileException(String message) {
        super(message);
    }
}
