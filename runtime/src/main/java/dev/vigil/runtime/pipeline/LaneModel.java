package dev.vigil.runtime.pipeline;

import dev.vigil.runtime.config.WakeConfig;
import dev.vigil.runtime.dense.Int8Mlp;
import dev.vigil.runtime.network.Network;
import dev.vigil.sensors.encode.SpikeEncoder;

/**
 * Everything one lane runs: its encoder, spiking network, wake settings and dense head.
 *
 * @param sensor  lane name
 * @param encoder turns the stream into input spikes
 * @param network the spiking front end (inputs = encoder channels)
 * @param wake    the lane's wake thresholds
 * @param head    the dense stage's model (inputs = network outputs)
 */
public record LaneModel(String sensor, SpikeEncoder encoder, Network network, WakeConfig wake, Int8Mlp head) {
}
