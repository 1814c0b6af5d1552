package dev.vigil.runtime.network;

/**
 * The integer dynamics of a layer's neurons. Every model is defined bit for bit so that the golden
 * reference device and every emulated device compute the same states and spikes.
 */
public sealed interface NeuronModel permits NeuronParams, CubaLif, QuantizedRelu, Relay {

    /** Short name of the model, as listed in {@code DeviceCapabilities.neuronModels()}. */
    String kind();
}
