package dev.vigil.sensors.formats;

import java.io.IOException;

/**
 * A log file that cannot be read: unknown format, bad magic, a header or length field that makes no
 * sense. The message names the file, the byte offset and the field concerned. Damage a reader can
 * skip is reported through {@link dev.vigil.sensors.SensorSource#problems()} instead.
 */
public class LogFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final long offset;
    private final String field;

    /** An error in {@code file} at byte {@code offset} (or -1) about {@code field}. */
    public LogFormatException(String file, long offset, String field, String what) {
        this(file, offset, field, what, null);
    }

    /** As above, keeping the low-level {@code cause}. */
    public LogFormatException(String file, long offset, String field, String what, Throwable cause) {
        super(file + (offset >= 0 ? " at byte " + offset : "") + (field == null || field.isEmpty() ? "" : " [" + field + "]")
                + ": " + what, cause);
        this.file = file;
        this.offset = offset;
        this.field = field == null ? "" : field;
    }

    /** The file concerned. */
    public String file() {
        return file;
    }

    /** Byte offset of the problem, or -1 when it has none. */
    public long offset() {
        return offset;
    }

    /** The header field or structure that was wrong, or empty. */
    public String field() {
        return field;
    }
}
