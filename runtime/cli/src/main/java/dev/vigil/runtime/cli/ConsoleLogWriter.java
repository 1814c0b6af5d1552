package dev.vigil.runtime.cli;

import org.tinylog.Level;
import org.tinylog.core.LogEntry;
import org.tinylog.core.LogEntryValue;
import org.tinylog.writers.Writer;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;

/**
 * The tinylog writer of the {@code vigil} command: log lines on standard error in the same style as
 * the command's own messages, one prefix and a level word only where it helps:
 * {@code vigil: message}, {@code vigil: warning: message}, {@code vigil: error: message} and, with
 * {@code VIGIL_DEBUG=1}, {@code vigil: debug: message [class]}. What third-party libraries report is
 * debug output whatever its level ({@code vigil: debug: warning: message [class]}), so it never reads
 * as Vigil's own. An exception adds its message on the same line; its stack trace follows only when
 * the property {@code stacktraces} is {@code true}.
 */
public final class ConsoleLogWriter implements Writer {
    private static final String OWN_PACKAGE = "dev.vigil.";
    private final PrintStream err;
    private final boolean stackTraces;

    /** A writer configured by tinylog (properties {@code writer.*}). */
    public ConsoleLogWriter(Map<String, String> properties) {
        this(System.err, Boolean.parseBoolean(properties.getOrDefault("stacktraces", "false")));
    }

    ConsoleLogWriter(PrintStream err, boolean stackTraces) {
        this.err = err;
        this.stackTraces = stackTraces;
    }

    @Override
    public Collection<LogEntryValue> getRequiredLogEntryValues() {
        return EnumSet.of(LogEntryValue.LEVEL, LogEntryValue.MESSAGE, LogEntryValue.EXCEPTION, LogEntryValue.CLASS);
    }

    @Override
    public void write(LogEntry entry) {
        err.println(line(entry.getLevel(), entry.getMessage(), entry.getException(), entry.getClassName(), stackTraces));
    }

    /** The text {@link #write} prints for one entry (several lines only with a stack trace). */
    static String line(Level level, String message, Throwable exception, String className, boolean stackTraces) {
        StringBuilder sb = new StringBuilder(ConsoleLines.PREFIX);
        boolean ours = className == null || className.startsWith(OWN_PACKAGE);
        if (!ours || level.ordinal() <= Level.DEBUG.ordinal()) {
            sb.append("debug: ");
        }
        switch (level) {
            case WARN -> sb.append("warning: ");
            case ERROR -> sb.append("error: ");
            default -> { }
        }
        String text = message == null ? "" : message;
        sb.append(text);
        if (exception != null) {
            String why = exception.getMessage() == null ? exception.getClass().getSimpleName() : exception.getMessage();
            if (!text.contains(why)) {
                sb.append(text.isEmpty() ? "" : ": ").append(why.replace('\n', ' '));
            }
        }
        if ((!ours || level.ordinal() <= Level.DEBUG.ordinal()) && className != null) {
            sb.append(" [").append(className).append(']');
        }
        if (exception != null && stackTraces) {
            StringWriter trace = new StringWriter();
            exception.printStackTrace(new PrintWriter(trace));
            sb.append(System.lineSeparator()).append(trace.toString().stripTrailing());
        }
        return sb.toString();
    }

    @Override
    public void flush() {
        err.flush();
    }

    @Override
    public void close() {
        err.flush();
    }
}
