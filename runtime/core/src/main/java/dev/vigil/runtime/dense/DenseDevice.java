package dev.vigil.runtime.dense;

/**
 * Where the dense stage runs: the golden CPU engine, or an accelerator or another runtime behind a
 * driver (found with {@link java.util.ServiceLoader} through {@link DenseDeviceProvider}). Devices
 * that run Vigil's int8 models must give bit-identical logits for the same model and input; devices
 * that run model files of another format ({@link ExternalModel}, e.g. ONNX) load those instead.
 */
public interface DenseDevice {

    /** Short id used in configs, e.g. {@code "cpu"}. */
    String id();

    /** One line for humans, with the source of its energy figure. */
    String description();

    /** Energy the device itself spends per multiply-accumulate, J (0 for the CPU: see the board's power). */
    double joulesPerMac();

    /** True when the work runs on the host CPU (its time costs the board's loaded-minus-idle power). */
    boolean onHostCpu();

    /**
     * Power the device draws for as long as it is on, whether it runs or not, W. 0 for the host CPU,
     * whose idle power is the board's and drawn with or without Vigil.
     */
    default double staticW() {
        return 0;
    }

    /** Where {@link #staticW()} comes from, or that it is an assumption. */
    default String staticSource() {
        return "host CPU: its idle power is the board's, drawn with or without Vigil (not counted)";
    }

    /** True when it runs Vigil's int8 models ({@link #load(Int8Model)}); false for devices of model files only. */
    default boolean runsInt8() {
        return true;
    }

    /**
     * Loads {@code model} and returns an executor for it.
     *
     * @throws IllegalArgumentException naming the layer and the limit when the model does not fit
     */
    DenseExecutor load(Int8Model model);

    /**
     * Loads a model file of another runtime's format and checks its input and output against {@code
     * model}. Devices that run only int8 models refuse it.
     *
     * @throws IllegalArgumentException in one line naming the file and what does not match
     */
    default FloatExecutor load(ExternalModel model) {
        throw new IllegalArgumentException(model.file() + ": dense device '" + id() + "' runs Vigil's int8 models, not model files");
    }
}
