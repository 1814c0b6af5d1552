package dev.vigil.drivers.onnx;

import dev.vigil.runtime.dense.DenseDevice;
import dev.vigil.runtime.dense.DenseDeviceProvider;

/** Registers the ONNX Runtime dense device under id {@code onnx}. */
public final class OnnxDenseDeviceProvider implements DenseDeviceProvider {

    @Override
    public String id() {
        return OnnxDenseDevice.ID;
    }

    @Override
    public DenseDevice create() {
        return new OnnxDenseDevice();
    }
}
