package dev.vigil.sensors;

/**
 * Something a source met, reported and skipped without losing the rest of its data.
 *
 * @param where  the file or device, e.g. a path
 * @param offset byte offset in the file, or -1 when it has none
 * @param stream stream id concerned, or -1 when unknown
 * @param what   what was wrong and what was lost
 */
public record SourceProblem(String where, long offset, int stream, String what) {
    @Override
    public String toString() {
        return where + (offset >= 0 ? " at byte " + offset : "") + (stream >= 0 ? " (stream " + stream + ")" : "")
                + ": " + what;
    }
}
