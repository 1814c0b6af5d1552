package dev.vigil.drivers.accel.loihi;

import dev.vigil.runtime.hal.DeviceProvider;
import dev.vigil.runtime.hal.NeuromorphicDevice;

/** Registers {@link LoihiDevice} with {@link java.util.ServiceLoader}. */
public final class LoihiDeviceProvider implements DeviceProvider {
    @Override
    public String id() {
        return LoihiDevice.ID;
    }

    @Override
    public NeuromorphicDevice create() {
        return new LoihiDevice();
    }
}
