package dev.vigil.runtime.network;

/** What happens to a neuron's membrane potential when it spikes. */
public enum ResetMode {
    /** The potential goes back to zero. */
    ZERO,
    /** The threshold is subtracted, keeping the excess. */
    SUBTRACT
}
