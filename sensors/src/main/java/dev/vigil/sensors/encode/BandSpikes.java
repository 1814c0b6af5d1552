package dev.vigil.sensors.encode;

/** Which of a filterbank's level-crossing spikes reach the front end. */
public enum BandSpikes {
    /** Two channels per band: {@code 2k} when band {@code k}'s level rises a step, {@code 2k + 1} when it falls. */
    RISE_FALL,
    /** One channel per band: {@code k} when band {@code k}'s level rises a step (onsets only). */
    RISE;

    /** Input channels per band. */
    public int channelsPerBand() {
        return this == RISE_FALL ? 2 : 1;
    }
}
