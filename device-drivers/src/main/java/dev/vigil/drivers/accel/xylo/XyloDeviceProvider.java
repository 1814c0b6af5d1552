package dev.vigil.drivers.accel.xylo;

import dev.vigil.runtime.hal.DeviceProvider;
import dev.vigil.runtime.hal.NeuromorphicDevice;

/** Registers {@link XyloDevice} with {@link java.util.ServiceLoader}; used only when named ({@code device.id: xylo}). */
public final class XyloDeviceProvider implements DeviceProvider {
    @Override
    public String id() {
        return XyloDevice.ID;
    }

    @Override
    public NeuromorphicDevice create() {
        return new XyloDevice();
    }
}
