package dev.vigil.runtime.dense;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/** Finds dense devices: the built-in CPU engine, then providers on the class path. */
public final class DenseDevices {

    private DenseDevices() {
    }

    /** The device with {@code id}, if present. */
    public static Optional<DenseDevice> find(String id) {
        if (CpuDenseDevice.ID.equals(id)) {
            return Optional.of(new CpuDenseDevice());
        }
        for (DenseDeviceProvider p : ServiceLoader.load(DenseDeviceProvider.class)) {
            if (p.id().equals(id)) {
                return Optional.of(p.create());
            }
        }
        return Optional.empty();
    }

    /** Every id available, the CPU first. */
    public static List<String> ids() {
        List<String> ids = new ArrayList<>();
        ids.add(CpuDenseDevice.ID);
        ServiceLoader.load(DenseDeviceProvider.class).forEach(p -> ids.add(p.id()));
        return ids;
    }
}
