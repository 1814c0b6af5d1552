package dev.vigil.runtime.provider;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * The providers of one kind: the built-in ones first, then those {@link ServiceLoader} finds on the
 * class path, in the loader's order. An explicit id names one; {@link #AUTO} (where providers are
 * ranked) picks the best-ranked one. Whatever is missing is reported one way:
 * {@code no <kind> '<id>' (available: a, b, c)}.
 *
 * @param <P> the service-provider interface
 */
public final class Providers<P> {
    /** The id that picks the provider of highest rank (0 or more) instead of naming one. */
    public static final String AUTO = "auto";

    private final String kind;
    private final Function<? super P, String> idOf;
    private final ToIntFunction<? super P> rank;
    private final List<P> all;

    private Providers(String kind, Function<? super P, String> idOf, ToIntFunction<? super P> rank, List<P> all) {
        this.kind = kind;
        this.idOf = idOf;
        this.rank = rank;
        this.all = all;
    }

    /** Every provider of {@code type} on the class path, in the loader's order. */
    public static <P> List<P> load(Class<P> type) {
        return ServiceLoader.load(type).stream().map(ServiceLoader.Provider::get).toList();
    }

    /**
     * The {@code builtIns}, then every provider of {@code type} on the class path. {@code kind} names
     * them in errors (e.g. {@code "HAL device"}); {@code id} gives a provider's id.
     */
    @SafeVarargs
    public static <P> Providers<P> of(String kind, Class<P> type, Function<? super P, String> id, P... builtIns) {
        List<P> all = new ArrayList<>(List.of(builtIns));
        all.addAll(load(type));
        return new Providers<>(kind, id, null, List.copyOf(all));
    }

    /** The same providers, ranked by {@code rank} for {@link #AUTO}: a negative rank is only used when named. */
    public Providers<P> ranked(ToIntFunction<? super P> providerRank) {
        return new Providers<>(kind, idOf, providerRank, all);
    }

    /** Every provider, the built-in ones first. */
    public List<P> all() {
        return all;
    }

    /** Every provider's id, in the order of {@link #all()}. */
    public List<String> ids() {
        return all.stream().map(idOf).toList();
    }

    /** The first provider with {@code id}; for {@link #AUTO} among ranked providers, the {@link #best()}. */
    public Optional<P> find(String id) {
        if (rank != null && AUTO.equals(id)) {
            return best();
        }
        return all.stream().filter(p -> idOf.apply(p).equals(id)).findFirst();
    }

    /**
     * The provider of highest rank, 0 or more, the first of equals; unranked providers rank alike, so
     * that is the first of them.
     */
    public Optional<P> best() {
        P best = null;
        int bestRank = -1;
        for (P p : all) {
            int r = rank == null ? 0 : rank.applyAsInt(p);
            if (r >= 0 && r > bestRank) {
                best = p;
                bestRank = r;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The one-line error for a missing {@code id}: {@code no <kind> '<id>' (available: a, b, c)}. */
    public String missing(String id) {
        return "no " + kind + " '" + id + "'" + available();
    }

    /** The one-line error when no provider is there at all: {@code no <kind> (available: none)}. */
    public String missing() {
        return "no " + kind + available();
    }

    private String available() {
        List<String> ids = ids();
        return " (available: " + (ids.isEmpty() ? "none" : String.join(", ", ids)) + ")";
    }
}
