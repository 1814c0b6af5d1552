package dev.vigil.runtime.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How enum constants are spelled in the config: lower case, a dash for each underscore
 * ({@code PER_CLASS} is {@code per-class}), read without regard to case.
 */
public final class ConfigNames {

    private ConfigNames() {
    }

    /** {@code value} as the config spells it. */
    public static String label(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The constant of {@code type} spelled {@code text}, in any case. */
    public static <E extends Enum<E>> Optional<E> find(Class<E> type, String text) {
        return lookup(type, text).map(type::cast);
    }

    /** As {@link #find} for an enum type known only at run time. */
    static Optional<Enum<?>> lookup(Class<?> type, String text) {
        for (Object e : type.getEnumConstants()) {
            if (label((Enum<?>) e).equalsIgnoreCase(text)) {
                return Optional.of((Enum<?>) e);
            }
        }
        return Optional.empty();
    }

    /** The constant of {@code type} spelled {@code text}, or a refusal of {@code key} listing the allowed ones. */
    public static <E extends Enum<E>> E require(String key, Class<E> type, String text) {
        return find(type, text).orElseThrow(() -> new BadValueException(key,
                text == null ? null : text.toLowerCase(Locale.ROOT), "use one of " + allowed(type)));
    }

    /** Every spelling {@code type} allows, comma-separated, in declaration order. */
    public static String allowed(Class<?> type) {
        return Arrays.stream(type.getEnumConstants()).map(e -> label((Enum<?>) e)).collect(Collectors.joining(", "));
    }
}
