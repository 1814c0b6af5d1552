package dev.vigil.runtime.hal;

import dev.vigil.runtime.provider.Providers;

import java.util.List;
import java.util.Optional;

/** Finds devices through {@link Providers}: runtime names no concrete device but the reference. */
public final class Devices {
    /** The id that picks the installed general-purpose device of highest {@link DeviceProvider#autoRank()}. */
    public static final String AUTO = Providers.AUTO;

    private Devices() {
    }

    /** The device providers on the class path, ranked by {@link DeviceProvider#autoRank()}. */
    public static Providers<DeviceProvider> providers() {
        return Providers.of("HAL device", DeviceProvider.class, DeviceProvider::id).ranked(DeviceProvider::autoRank);
    }

    /** Every provider on the class path, in the loader's order. */
    public static List<DeviceProvider> available() {
        return providers().all();
    }

    /** The provider with {@code id}, if present; for {@link #AUTO}, the best-ranked general-purpose one. */
    public static Optional<DeviceProvider> find(String id) {
        return providers().find(id);
    }

    /** The ids of every provider, comma-separated. */
    public static String ids() {
        return String.join(", ", providers().ids());
    }
}
