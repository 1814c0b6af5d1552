package dev.vigil.runtime.config;

import dev.vigil.sensors.encode.BearingGeometry;

import static dev.vigil.runtime.config.BadValueException.inRange;

/**
 * The envelope technique of bearing diagnosis on a sampled lane: band-pass around the resonance,
 * envelope, impact spikes, and resonators at the defect frequencies, either computed from the shaft
 * speed and bearing geometry ({@code shaft-hz} > 0) or given in {@code defect-hz}.
 */
public record EnvelopeConfig(boolean enabled, double bandLowHz, double bandHighHz, double envelopeHz, double ratio,
                             double shaftHz, int balls, double ballDiameter, double pitchDiameter,
                             double contactAngleDeg, double[] defectHz) {
    public EnvelopeConfig {
        inRange("band-low-hz", bandLowHz, 1, 1e6);
        inRange("band-high-hz", bandHighHz, 1, 1e6);
        if (bandHighHz <= bandLowHz) {
            throw new BadValueException("band-high-hz", bandHighHz, "must be above band-low-hz (" + bandLowHz + ")");
        }
        inRange("envelope-hz", envelopeHz, 1, bandLowHz);
        inRange("ratio", ratio, 1.01, 100);
        inRange("shaft-hz", shaftHz, 0, 1000);
        inRange("balls", balls, 3, 100);
        inRange("ball-diameter", ballDiameter, 1e-6, 1e6);
        inRange("pitch-diameter", pitchDiameter, ballDiameter * 1.0001, 1e6);
        inRange("contact-angle-deg", contactAngleDeg, 0, 89.9);
        defectHz = defectHz == null ? new double[0] : defectHz.clone();
        for (int i = 0; i < defectHz.length; i++) {
            inRange("defect-hz[" + i + "]", defectHz[i], 0.01, envelopeHz);
        }
    }

    @Override
    public double[] defectHz() {
        return defectHz.clone();
    }

    /** The defect frequencies the resonators watch: BPFO, BPFI and BSF of the bearing when the shaft speed is set, else {@code defect-hz}. */
    public double[] defects() {
        return shaftHz > 0
                ? new BearingGeometry(balls, ballDiameter, pitchDiameter, contactAngleDeg).defectFrequencies(shaftHz)
                : defectHz.clone();
    }

    /** Input channels the envelope encoder adds for {@code axes} axes (none when it is off). */
    public int channels(int axes) {
        return enabled ? axes * (1 + defects().length) : 0;
    }

    /**
     * Input channels the envelope encoder adds for {@code axes} axes sampled at {@code sampleRate}: none
     * when it is off or when the stream is too slow to hold it ({@link #runsAt}).
     */
    public int channels(int axes, double sampleRate) {
        return runsAt(sampleRate) ? channels(axes) : 0;
    }

    /**
     * Whether the envelope path runs on a stream sampled at {@code sampleRate}: it is on and the resonance
     * band, capped at 0.45 × the rate, still lies above the envelope cut-off (a 1 kHz accelerometer cannot
     * hold a 500 Hz envelope; such a stream runs on its filterbank alone).
     */
    public boolean runsAt(double sampleRate) {
        return enabled && 0.9 * Math.min(bandHighHz, 0.45 * sampleRate) > envelopeHz;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EnvelopeConfig e && e.toString().equals(toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    @Override
    public String toString() {
        return "EnvelopeConfig[" + enabled + " " + bandLowHz + "-" + bandHighHz + " env " + envelopeHz + " ratio " + ratio
                + " shaft " + shaftHz + " bearing " + balls + "/" + ballDiameter + "/" + pitchDiameter + "/" + contactAngleDeg
                + " defects " + java.util.Arrays.toString(defectHz) + "]";
    }
}
