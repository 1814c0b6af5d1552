package dev.vigil.runtime.network;

/**
 * Integer leaky integrate-and-fire neuron with a bit-shift leak, as on Xylo-class chips. Per step:
 * {@code v -= v >> leakShift} (no leak when {@code leakShift == 0}), then {@code v += input}; if
 * {@code v >= threshold} the neuron spikes and resets, then stays silent (and does not integrate) for
 * {@code refractorySteps} steps.
 *
 * @param threshold       firing threshold, positive
 * @param leakShift       leak as a right shift, 0..31 (0 = no leak: integrate-and-fire)
 * @param reset           reset on spike
 * @param refractorySteps steps of silence after a spike
 */
public record NeuronParams(int threshold, int leakShift, ResetMode reset, int refractorySteps) implements NeuronModel {

    /** Model name: integer LIF with a shift leak. */
    public static final String KIND = "lif-shift";

    public NeuronParams {
        if (threshold <= 0) {
            throw new IllegalArgumentException("threshold must be positive, got " + threshold);
        }
        if (leakShift < 0 || leakShift > 31) {
            throw new IllegalArgumentException("leak shift must be 0..31, got " + leakShift);
        }
        if (reset == null) {
            throw new IllegalArgumentException("reset mode missing");
        }
        if (refractorySteps < 0) {
            throw new IllegalArgumentException("refractory steps must be >= 0, got " + refractorySteps);
        }
    }

    @Override
    public String kind() {
        return KIND;
    }

    /** Reset-to-zero LIF without refractory period. */
    public static NeuronParams lif(int threshold, int leakShift) {
        return new NeuronParams(threshold, leakShift, ResetMode.ZERO, 0);
    }
}
