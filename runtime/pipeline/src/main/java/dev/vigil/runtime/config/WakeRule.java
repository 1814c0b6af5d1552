package dev.vigil.runtime.config;

/** The trigger of a sensor's wake policy, {@code wake.rule} in the config. */
public enum WakeRule {
    /** The window's spike total, with hysteresis. */
    THRESHOLD,
    /** One threshold per readout neuron. */
    PER_CLASS,
    /** The window's total above a baseline that follows slow drift. */
    ADAPTIVE;

    /** As the config spells it, e.g. {@code per-class}. */
    public String label() {
        return ConfigNames.label(this);
    }
}
