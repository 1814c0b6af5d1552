package dev.vigil.runtime.pipeline;

import dev.vigil.runtime.config.WakeConfig;
import dev.vigil.runtime.dense.Int8Model;

/**
 * Replaces a built-in lane's wake settings and dense head, e.g. with what {@code vigil train} fitted.
 *
 * @param wake the wake policy settings
 * @param head the dense head
 */
public record LaneOverride(WakeConfig wake, Int8Model head) {
}
