package dev.vigil.runtime.cli;

/**
 * The one style of the command's messages on standard error: {@code vigil: } before each, and a
 * level word only for what needs attention ({@code warning:}, {@code error:}). Tables and summaries
 * are printed as they are.
 */
public final class ConsoleLines {
    /** Begins every message line. */
    public static final String PREFIX = "vigil: ";

    private ConsoleLines() {
    }

    /** An ordinary message: {@code vigil: text}. */
    public static String note(String text) {
        return PREFIX + text;
    }

    /** Something the user should look at; the command goes on: {@code vigil: warning: text}. */
    public static String warning(String text) {
        return PREFIX + "warning: " + text;
    }

    /** Why the command failed: {@code vigil: error: text}. */
    public static String error(String text) {
        return PREFIX + "error: " + text;
    }
}
