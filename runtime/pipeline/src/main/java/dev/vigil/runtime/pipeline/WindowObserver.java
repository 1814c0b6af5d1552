package dev.vigil.runtime.pipeline;

import dev.vigil.wake.WakeDecision;

/**
 * Sees every window a lane closes, with its counts and the policy's decision (training and
 * evaluation use it). Called on the sensing thread; must not keep {@code counts}.
 */
@FunctionalInterface
public interface WindowObserver {

    /** Lane {@code sensor} closed the window ending at {@code endUs}. */
    void window(String sensor, long endUs, int[] counts, WakeDecision decision);
}
