package dev.vigil.runtime.network;

/**
 * No neuron at all: each output forwards, in the same step, as many events as its summed input
 * (negative sums forward none). Used for routing layers such as sum pooling.
 */
public record Relay() implements NeuronModel {

    /** Model name. */
    public static final String KIND = "relay";
    /** The only instance needed. */
    public static final Relay INSTANCE = new Relay();

    @Override
    public String kind() {
        return KIND;
    }
}
