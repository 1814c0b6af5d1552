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

    /**
     * Lane {@code sensor}'s front end has spent {@code frontJ} joules since the lane started, by the end
     * of the window ending at {@code endUs} (called after {@link #window} and any dense run for it).
     */
    default void frontEnergy(String sensor, long endUs, double frontJ) {
    }
}
