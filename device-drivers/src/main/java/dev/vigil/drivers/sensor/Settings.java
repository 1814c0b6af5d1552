package dev.vigil.drivers.sensor;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Typed reading of a provider's string settings. Every getter names the key it consumed; {@link
 * #requireAllUsed()} then refuses keys nobody asked for. Errors are {@link IllegalArgumentException}s
 * naming the provider, key, value and reason.
 */
public final class Settings {
    private final String provider;
    private final Map<String, String> values;
    private final Set<String> used = new LinkedHashSet<>();

    /** Settings {@code values} given to the provider {@code provider}. */
    public Settings(String provider, Map<String, String> values) {
        this.provider = provider;
        this.values = values == null ? Map.of() : values;
    }

    /** A string value, or {@code fallback} when absent. */
    public String string(String key, String fallback) {
        used.add(key);
        String v = values.get(key);
        return v == null ? fallback : v.trim();
    }

    /** One of {@code allowed} (case-insensitive), or {@code fallback} when absent. */
    public String oneOf(String key, String fallback, List<String> allowed) {
        String v = string(key, fallback);
        for (String a : allowed) {
            if (a.equalsIgnoreCase(v)) {
                return a;
            }
        }
        throw bad(key, v, "must be one of " + String.join(", ", allowed));
    }

    /** An integer (decimal or 0x-hex) in {@code min..max}, or {@code fallback} when absent. */
    public int integer(String key, int fallback, int min, int max) {
        String v = string(key, null);
        if (v == null) {
            return fallback;
        }
        int parsed;
        try {
            parsed = v.startsWith("0x") || v.startsWith("0X") ? Integer.parseInt(v.substring(2), 16)
                    : Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw bad(key, v, "not an integer");
        }
        if (parsed < min || parsed > max) {
            throw bad(key, v, "must be between " + min + " and " + max);
        }
        return parsed;
    }

    /** A number in {@code min..max}, or {@code fallback} when absent. */
    public double number(String key, double fallback, double min, double max) {
        String v = string(key, null);
        if (v == null) {
            return fallback;
        }
        double parsed;
        try {
            parsed = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw bad(key, v, "not a number");
        }
        if (!(parsed >= min && parsed <= max)) {
            throw bad(key, v, "must be between " + min + " and " + max);
        }
        return parsed;
    }

    /**
     * The {@code address} of an I2C chip that answers only at {@code primary} (the default) or
     * {@code alternate}, naming {@code chip} when the address is neither.
     */
    public int i2cAddress(int primary, int alternate, String chip) {
        int address = integer("address", primary, 0, 0x7F);
        if (address != primary && address != alternate) {
            throw bad("address", "0x" + Integer.toHexString(address), "an " + chip + " answers at 0x"
                    + Integer.toHexString(primary) + " or 0x" + Integer.toHexString(alternate));
        }
        return address;
    }

    /** The error for a bad {@code value} of {@code key}. */
    public IllegalArgumentException bad(String key, String value, String reason) {
        return new IllegalArgumentException(provider + ": setting '" + key + "' = '" + value + "': " + reason);
    }

    /** Refuses keys that no getter consumed, naming them and the keys this provider knows. */
    public void requireAllUsed() {
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (!used.contains(e.getKey())) {
                throw bad(e.getKey(), e.getValue(), "unknown setting; known settings: " + String.join(", ", used));
            }
        }
    }
}
