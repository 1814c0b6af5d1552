package dev.vigil.runtime.dense;

import dev.vigil.runtime.provider.Providers;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Finds dense devices through {@link Providers}: the built-in CPU engine, then providers on the class path. */
public final class DenseDevices {

    private DenseDevices() {
    }

    /** The built-in CPU device's provider, then every {@link DenseDeviceProvider} on the class path. */
    public static Providers<DenseDeviceProvider> providers() {
        return Providers.of("dense device", DenseDeviceProvider.class, DenseDeviceProvider::id,
                new BuiltIn(CpuDenseDevice.ID, CpuDenseDevice::new));
    }

    /** A new device with {@code id}, if present. */
    public static Optional<DenseDevice> find(String id) {
        return providers().find(id).map(DenseDeviceProvider::create);
    }

    /** Every id available, the CPU first. */
    public static List<String> ids() {
        return providers().ids();
    }

    /** A device that ships with runtime: its id and how to make one. */
    private record BuiltIn(String id, Supplier<DenseDevice> maker) implements DenseDeviceProvider {
        @Override
        public DenseDevice create() {
            return maker.get();
        }
    }
}
