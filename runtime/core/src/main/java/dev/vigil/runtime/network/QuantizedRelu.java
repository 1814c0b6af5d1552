package dev.vigil.runtime.network;

/**
 * Akida-class event-based activation: no state carries over between steps. Per step the neuron sums
 * its input {@code I} and emits {@code a = clamp(floor(I / step), 0, 2^bits - 1)} events (a multi-bit
 * activation sent as that many events, so the next layer adds {@code a * weight}).
 *
 * @param step activation step (input per unit of output), positive
 * @param bits activation width: 1, 2 or 4
 */
public record QuantizedRelu(int step, int bits) implements NeuronModel {

    /** Model name. */
    public static final String KIND = "qrelu";

    public QuantizedRelu {
        if (step <= 0) {
            throw new IllegalArgumentException("activation step must be positive, got " + step);
        }
        if (bits != 1 && bits != 2 && bits != 4) {
            throw new IllegalArgumentException("activation bits must be 1, 2 or 4, got " + bits);
        }
    }

    /** Largest activation. */
    public int maxActivation() {
        return (1 << bits) - 1;
    }

    /** The activation for summed input {@code input}. */
    public int activation(int input) {
        return input <= 0 ? 0 : Math.min(input / step, maxActivation());
    }

    @Override
    public String kind() {
        return KIND;
    }
}
