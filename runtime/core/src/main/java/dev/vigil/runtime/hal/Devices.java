package dev.vigil.runtime.hal;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/** Finds devices with {@link ServiceLoader}: runtime names no concrete device but the reference. */
public final class Devices {
    /** The id that picks the installed general-purpose device of highest {@link DeviceProvider#autoRank()}. */
    public static final String AUTO = "auto";

    private Devices() {
    }

    /** Every provider on the class path, in the loader's order. */
    public static List<DeviceProvider> available() {
        return ServiceLoader.load(DeviceProvider.class).stream().map(ServiceLoader.Provider::get).toList();
    }

    /** The provider with {@code id}, if present; for {@link #AUTO}, the best-ranked general-purpose one. */
    public static Optional<DeviceProvider> find(String id) {
        if (id.equals(AUTO)) {
            return available().stream().filter(p -> p.autoRank() >= 0)
                    .max(Comparator.comparingInt(DeviceProvider::autoRank));
        }
        return available().stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** The ids of every provider, comma-separated, for error messages. */
    public static String ids() {
        return String.join(", ", available().stream().map(DeviceProvider::id).toList());
    }
}
