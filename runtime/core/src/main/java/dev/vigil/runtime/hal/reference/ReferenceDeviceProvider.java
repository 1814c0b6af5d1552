package dev.vigil.runtime.hal.reference;

import dev.vigil.runtime.hal.DeviceProvider;
import dev.vigil.runtime.hal.NeuromorphicDevice;

/** Registers the golden {@link ReferenceDevice} with {@link java.util.ServiceLoader}. */
public final class ReferenceDeviceProvider implements DeviceProvider {
    @Override
    public String id() {
        return ReferenceDevice.ID;
    }

    @Override
    public NeuromorphicDevice create() {
        return new ReferenceDevice();
    }

    /** Chosen by {@code auto} only when no faster general-purpose device is installed. */
    @Override
    public int autoRank() {
        return 0;
    }
}
