package dev.vigil.runtime.config;

/**
 * Thrown by a config record's constructor for a value out of range; {@link ConfigLoader} prefixes the
 * key with the record's position in the file.
 */
public final class BadValueException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String key;
    private final transient Object value;
    private final String reason;

    /** {@code key} (relative to its section) has {@code value}, refused because {@code reason}. */
    public BadValueException(String key, Object value, String reason) {
        super(key + " = " + value + ": " + reason);
        this.key = key;
        this.value = value;
        this.reason = reason;
    }

    /** The key relative to its section. */
    public String key() {
        return key;
    }

    /** The refused value. */
    public Object value() {
        return value;
    }

    /** Why it was refused. */
    public String reason() {
        return reason;
    }

    /** Refuses {@code value} unless {@code min <= value <= max}. */
    public static int inRange(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw new BadValueException(key, value, "must be between " + min + " and " + max);
        }
        return value;
    }

    /** Refuses {@code value} unless {@code min <= value <= max}. */
    public static double inRange(String key, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new BadValueException(key, value, "must be between " + min + " and " + max);
        }
        return value;
    }

    /** Refuses a null or blank string. */
    public static String notBlank(String key, String value) {
        if (value == null || value.isBlank()) {
            throw new BadValueException(key, value, "must not be empty");
        }
        return value;
    }
}
