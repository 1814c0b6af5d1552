package dev.vigil.sensors.encode;

/** Which spikes a filterbank sends the front end. */
public enum BandSpikes {
    /** Two channels per band: {@code 2k} when band {@code k}'s level rises a step, {@code 2k + 1} when it falls. */
    RISE_FALL,
    /** One channel per band: {@code k} when band {@code k}'s level rises a step (onsets only). */
    RISE,
    /**
     * One channel per band: {@code k} while band {@code k}'s level stands above its adaptive noise floor
     * ({@link AdaptiveFloorEncoder}), at a rate that grows with the height.
     */
    ABOVE_FLOOR;

    /** Input channels per band. */
    public int channelsPerBand() {
        return this == RISE_FALL ? 2 : 1;
    }
}
