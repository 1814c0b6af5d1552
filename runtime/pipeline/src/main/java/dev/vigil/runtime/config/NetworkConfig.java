package dev.vigil.runtime.config;

import dev.vigil.runtime.network.ResetMode;

import static dev.vigil.runtime.config.BadValueException.inRange;

/**
 * The spiking front end of each lane: one layer of integer LIF readout neurons.
 *
 * @param timestepUs       length of one timestep
 * @param readoutThreshold firing threshold of the readout neurons (an input spike adds 64)
 * @param leakShift        leak as a right shift per step (0 = none)
 * @param reset            what a readout's potential does when it spikes: back to zero, or the threshold
 *                         subtracted (as on Xylo-class chips, whose emulation takes only that)
 */
public record NetworkConfig(int timestepUs, int readoutThreshold, int leakShift, ResetMode reset) {
    public NetworkConfig {
        inRange("timestep-us", timestepUs, 10, 1_000_000);
        inRange("readout-threshold", readoutThreshold, 1, 1 << 20);
        inRange("leak-shift", leakShift, 0, 31);
        if (reset == null) {
            throw new BadValueException("reset", null, "use one of " + ConfigNames.allowed(ResetMode.class));
        }
    }
}
