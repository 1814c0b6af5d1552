package dev.vigil.drivers.onnx;

import dev.vigil.runtime.dense.DenseDevice;
import dev.vigil.runtime.dense.DenseExecutor;
import dev.vigil.runtime.dense.ExternalModel;
import dev.vigil.runtime.dense.FloatExecutor;
import dev.vigil.runtime.dense.Int8Model;

/**
 * ONNX models on the host CPU through ONNX Runtime (Microsoft's runtime, via its Java API): float
 * features in, one score per label out. A model is checked against what the lane declares when it
 * loads, and refused in one line naming the file and the mismatch. Sessions run on one thread with
 * spinning off, so a wake costs its own CPU time and nothing keeps a core busy between wakes.
 */
public final class OnnxDenseDevice implements DenseDevice {
    /** Its id. */
    public static final String ID = "onnx";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "ONNX models through ONNX Runtime on the host CPU (energy = CPU-active time x board load-minus-idle power)";
    }

    @Override
    public double joulesPerMac() {
        return 0;
    }

    @Override
    public boolean onHostCpu() {
        return true;
    }

    @Override
    public boolean runsInt8() {
        return false;
    }

    @Override
    public DenseExecutor load(Int8Model model) {
        throw new IllegalArgumentException("dense device 'onnx' runs ONNX model files, not Vigil's int8 model '" + model.name()
                + "': run it on 'cpu' or 'northpole'");
    }

    @Override
    public FloatExecutor load(ExternalModel model) {
        return OnnxExecutor.open(model);
    }
}
