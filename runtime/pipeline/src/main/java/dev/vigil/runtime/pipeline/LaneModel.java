package dev.vigil.runtime.pipeline;

import dev.vigil.runtime.bundle.DenseHead;
import dev.vigil.runtime.bundle.FeatureSpec;
import dev.vigil.runtime.config.WakeConfig;
import dev.vigil.runtime.dense.Int8Model;
import dev.vigil.runtime.network.Network;
import dev.vigil.sensors.encode.SpikeEncoder;

import java.util.List;
import java.util.Map;

/**
 * Everything one lane runs: its encoder, spiking network and step, wake settings and dense head.
 *
 * @param sensor      lane name
 * @param encoder     turns the stream into input spikes
 * @param network     the spiking front end (inputs = encoder channels)
 * @param readouts    names of the network's output neurons (classes for per-class thresholds)
 * @param wake        the lane's wake policy settings
 * @param head        the dense stage's model (inputs = windows × network outputs)
 * @param stepUs      device time one step of the network covers
 * @param features    the raw-signal features the head reads instead of counts, or null
 * @param acceptScores per head label, the lowest probability at which the head answers it ({@link Acceptance}); empty: none
 * @param ensemble    a feature head's further models, whose mean probabilities with {@code head}'s answer; empty: none
 */
public record LaneModel(String sensor, SpikeEncoder encoder, Network network, List<String> readouts, WakeConfig wake,
                        Int8Model head, long stepUs, FeatureSpec features, Map<String, Double> acceptScores,
                        List<Int8Model> ensemble) {

    public LaneModel {
        readouts = List.copyOf(readouts);
        ensemble = ensemble == null ? List.of() : List.copyOf(ensemble);
        acceptScores = acceptScores == null ? Map.of() : Map.copyOf(acceptScores);
        if (readouts.size() != network.outputs()) {
            throw new IllegalArgumentException(sensor + ": " + readouts.size() + " readout names for "
                    + network.outputs() + " outputs");
        }
        if (features == null && head.featuresPerWindow() != network.outputs()) {
            throw new IllegalArgumentException(sensor + ": dense head reads " + head.featuresPerWindow()
                    + " counts per window, the front end gives " + network.outputs());
        }
        if (encoder.channels() != network.inputs()) {
            throw new IllegalArgumentException(sensor + ": the encoder gives " + encoder.channels()
                    + " channels, the front end takes " + network.inputs());
        }
        if (stepUs <= 0) {
            throw new IllegalArgumentException(sensor + ": step must be positive, got " + stepUs + " us");
        }
    }

    /** A lane whose head is one model. */
    public LaneModel(String sensor, SpikeEncoder encoder, Network network, List<String> readouts, WakeConfig wake,
                     Int8Model head, long stepUs, FeatureSpec features, Map<String, Double> acceptScores) {
        this(sensor, encoder, network, readouts, wake, head, stepUs, features, acceptScores, List.of());
    }

    /** A copy whose head answers a label only at {@code scores} or above. */
    public LaneModel withAcceptScores(Map<String, Double> scores) {
        return new LaneModel(sensor, encoder, network, readouts, wake, head, stepUs, features, scores, ensemble);
    }

    /** The head's models: {@code head}, then the ensemble's. */
    public List<Int8Model> headModels() {
        return DenseHead.models(head, ensemble);
    }

    /** The bytes the head's weights take, every model of an ensemble counted. */
    public long headFootprintBytes() {
        return headModels().stream().mapToLong(Int8Model::footprintBytes).sum();
    }
}
