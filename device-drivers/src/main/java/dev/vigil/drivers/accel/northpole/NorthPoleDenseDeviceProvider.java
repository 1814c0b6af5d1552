package dev.vigil.drivers.accel.northpole;

import dev.vigil.runtime.dense.DenseDevice;
import dev.vigil.runtime.dense.DenseDeviceProvider;

/** Registers the emulated NorthPole-class dense device under id {@code northpole}. */
public final class NorthPoleDenseDeviceProvider implements DenseDeviceProvider {

    @Override
    public String id() {
        return NorthPoleDenseDevice.ID;
    }

    @Override
    public DenseDevice create() {
        return new NorthPoleDenseDevice();
    }
}
