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

    /**
     * Lane {@code sensor} is done with the window ending at {@code endUs}: its detection, if the dense
     * stage ran for it, has gone to the sink (called after {@link #window} and any dense run).
     */
    default void closed(String sensor, long endUs) {
    }

    /** Shows every window to {@code first}, then to {@code second}. */
    static WindowObserver both(WindowObserver first, WindowObserver second) {
        return new WindowObserver() {
            @Override
            public void window(String sensor, long endUs, int[] counts, WakeDecision decision) {
                first.window(sensor, endUs, counts, decision);
                second.window(sensor, endUs, counts, decision);
            }

            @Override
            public void frontEnergy(String sensor, long endUs, double frontJ) {
                first.frontEnergy(sensor, endUs, frontJ);
                second.frontEnergy(sensor, endUs, frontJ);
            }

            @Override
            public void closed(String sensor, long endUs) {
                first.closed(sensor, endUs);
                second.closed(sensor, endUs);
            }
        };
    }
}
