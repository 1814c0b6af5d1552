package dev.vigil.runtime.learn;

import java.util.List;

/**
 * A trained model bundle: per-lane wake settings and dense heads, with what they were trained from.
 *
 * @param lanes        one entry per trained lane
 * @param seed         the SGD seed
 * @param logSha256    SHA-256 of the training log
 * @param labelsSha256 SHA-256 of the label file
 * @param options      the training options
 */
public record ModelBundle(List<LaneBundle> lanes, long seed, String logSha256, String labelsSha256, TrainingOptions options) {
    public ModelBundle {
        lanes = List.copyOf(lanes);
    }
}
