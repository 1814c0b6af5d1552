package dev.vigil.runtime.pipeline;

import dev.vigil.runtime.config.WakeConfig;
import dev.vigil.runtime.dense.Int8Model;
import dev.vigil.runtime.network.Network;
import dev.vigil.sensors.encode.SpikeEncoder;

import java.util.List;

/**
 * Everything one lane runs: its encoder, spiking network, wake settings and dense head.
 *
 * @param sensor      lane name
 * @param encoder     turns the stream into input spikes
 * @param network     the spiking front end (inputs = encoder channels)
 * @param readouts    names of the network's output neurons (classes for per-class thresholds)
 * @param wake        the lane's wake policy settings
 * @param head        the dense stage's model (inputs = windows × network outputs)
 */
public record LaneModel(String sensor, SpikeEncoder encoder, Network network, List<String> readouts, WakeConfig wake,
                        Int8Model head) {

    public LaneModel {
        readouts = List.copyOf(readouts);
        if (readouts.size() != network.outputs()) {
            throw new IllegalArgumentException(sensor + ": " + readouts.size() + " readout names for "
                    + network.outputs() + " outputs");
        }
        if (head.featuresPerWindow() != network.outputs()) {
            throw new IllegalArgumentException(sensor + ": dense head reads " + head.featuresPerWindow()
                    + " counts per window, the front end gives " + network.outputs());
        }
    }

    /** A copy with another wake policy and head (e.g. from a trained bundle). */
    public LaneModel with(WakeConfig newWake, Int8Model newHead) {
        return new LaneModel(sensor, encoder, network, readouts, newWake, newHead);
    }
}
