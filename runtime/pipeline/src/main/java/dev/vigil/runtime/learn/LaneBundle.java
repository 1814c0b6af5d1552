package dev.vigil.runtime.learn;

import dev.vigil.runtime.config.WakeConfig;
import dev.vigil.runtime.dense.Int8Model;

import java.util.Map;

/**
 * What training produced for one lane.
 *
 * @param sensor    lane name
 * @param frontEnd  the encoder and window it was trained behind (evaluation warns when they differ)
 * @param wake      fitted wake settings
 * @param head      fitted dense head
 * @param examples  training examples per class
 */
public record LaneBundle(String sensor, String frontEnd, WakeConfig wake, Int8Model head, Map<String, Integer> examples) {
    public LaneBundle {
        examples = Map.copyOf(examples);
    }
}
