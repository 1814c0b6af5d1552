package dev.vigil.drivers.accel.engine;

/** How many mesh hops one event from a source takes to reach the cores of a layer. */
@FunctionalInterface
public interface HopModel {

    /**
     * Hops for one event from neuron {@code source} of network layer {@code layer - 1} (or network
     * input {@code source} when {@code layer == 0}) to every core holding its targets in {@code layer}.
     * When layer {@code layer - 1} is a sum pooling fused into {@code layer}'s routing, {@code source}
     * is a neuron of the layer before the pooling (or a network input).
     */
    int hops(int layer, int source);
}
