package dev.vigil.runtime.config;

import static dev.vigil.runtime.config.BadValueException.inRange;

/**
 * The spiking front end of each lane: one layer of integer LIF readout neurons.
 *
 * @param timestepUs       length of one timestep
 * @param readoutThreshold firing threshold of the readout neurons (an input spike adds 64)
 * @param leakShift        leak as a right shift per step (0 = none)
 */
public record NetworkConfig(int timestepUs, int readoutThreshold, int leakShift) {
    public NetworkConfig {
        inRange("timestep-us", timestepUs, 10, 1_000_000);
        inRange("readout-threshold", readoutThreshold, 1, 1 << 20);
        inRange("leak-shift", leakShift, 0, 31);
    }
}
