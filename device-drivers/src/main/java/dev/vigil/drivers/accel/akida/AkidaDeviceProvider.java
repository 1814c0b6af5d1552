package dev.vigil.drivers.accel.akida;

import dev.vigil.runtime.hal.DeviceProvider;
import dev.vigil.runtime.hal.NeuromorphicDevice;

/** Registers {@link AkidaDevice} with {@link java.util.ServiceLoader}. */
public final class AkidaDeviceProvider implements DeviceProvider {
    @Override
    public String id() {
        return AkidaDevice.ID;
    }

    @Override
    public NeuromorphicDevice create() {
        return new AkidaDevice();
    }
}
