package dev.vigil.sensors.encode;

/** Receives input spikes from an encoder, in non-decreasing time order. */
@FunctionalInterface
public interface SpikeSink {
    /** One spike on {@code channel} at device time {@code timeUs}. */
    void spike(long timeUs, int channel);
}
