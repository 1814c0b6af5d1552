package dev.vigil.wake;

/** Decides, window by window, whether to wake the dense stage. Implementations are deterministic. */
public interface WakePolicy {

    /**
     * Decides for the window ending at {@code timeUs} whose per-neuron spike counts are
     * {@code counts}. Must not keep a reference to {@code counts}.
     */
    WakeDecision decide(long timeUs, int[] counts);

    /** Forgets all state, as at start. */
    void reset();
}
