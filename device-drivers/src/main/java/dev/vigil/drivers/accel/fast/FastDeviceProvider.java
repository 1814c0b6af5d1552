package dev.vigil.drivers.accel.fast;

import dev.vigil.runtime.hal.DeviceProvider;
import dev.vigil.runtime.hal.NeuromorphicDevice;

/** Registers {@link FastDevice} with {@link java.util.ServiceLoader}. */
public final class FastDeviceProvider implements DeviceProvider {
    @Override
    public String id() {
        return FastDevice.ID;
    }

    @Override
    public NeuromorphicDevice create() {
        return new FastDevice();
    }

    /** The default ({@code device.id: auto}) wherever it is installed: bit-exact with the golden device, and lean. */
    @Override
    public int autoRank() {
        return 10;
    }
}
