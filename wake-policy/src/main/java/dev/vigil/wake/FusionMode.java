package dev.vigil.wake;

/** How {@link SensorFusion} combines sensors' wakes. */
public enum FusionMode {
    /** Every sensor wakes on its own (no fusion). */
    ANY,
    /** A wake needs every sensor to have woken within the tolerance. */
    ALL,
    /** A wake needs the weights of the sensors that woke within the tolerance to reach the quorum. */
    WEIGHTED
}
