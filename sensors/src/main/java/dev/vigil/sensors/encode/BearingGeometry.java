package dev.vigil.sensors.encode;

/**
 * Rolling-element bearing geometry, from which the classical defect frequencies follow as multiples
 * of the shaft rate (stationary outer race, rotating inner race):
 * <pre>
 *   FTF  = f/2 (1 - d/D cos a)            cage
 *   BPFO = n f/2 (1 - d/D cos a)          outer-race defect
 *   BPFI = n f/2 (1 + d/D cos a)          inner-race defect
 *   BSF  = D/(2d) f (1 - (d/D cos a)^2)   ball spin (one impact per turn)
 * </pre>
 * (Randall and Antoni, "Rolling element bearing diagnostics — a tutorial", MSSP 25(2), 2011, eq. 1–4.)
 *
 * @param balls            number of rolling elements {@code n}
 * @param ballDiameter     ball diameter {@code d} (any length unit, the same as the pitch)
 * @param pitchDiameter    pitch diameter {@code D}
 * @param contactAngleDeg  contact angle {@code a} in degrees
 */
public record BearingGeometry(int balls, double ballDiameter, double pitchDiameter, double contactAngleDeg) {

    public BearingGeometry {
        if (balls < 3 || !(ballDiameter > 0) || !(pitchDiameter > ballDiameter) || !(contactAngleDeg >= 0 && contactAngleDeg < 90)) {
            throw new IllegalArgumentException("bearing needs >= 3 balls, 0 < ball diameter < pitch diameter and a contact angle in [0, 90) deg; got "
                    + balls + ", " + ballDiameter + ", " + pitchDiameter + ", " + contactAngleDeg);
        }
    }

    /** The SKF 6205-2RS JEM deep-groove bearing of the CWRU drive end: 9 balls, 0.3126 in, pitch 1.537 in. */
    public static BearingGeometry skf6205() {
        return new BearingGeometry(9, 0.3126, 1.537, 0);
    }

    private double ratio() {
        return ballDiameter / pitchDiameter * Math.cos(Math.toRadians(contactAngleDeg));
    }

    /** Cage (fundamental train) frequency for shaft rate {@code shaftHz}. */
    public double ftf(double shaftHz) {
        return shaftHz / 2 * (1 - ratio());
    }

    /** Ball-pass frequency, outer race. */
    public double bpfo(double shaftHz) {
        return balls * shaftHz / 2 * (1 - ratio());
    }

    /** Ball-pass frequency, inner race. */
    public double bpfi(double shaftHz) {
        return balls * shaftHz / 2 * (1 + ratio());
    }

    /** Ball spin frequency. */
    public double bsf(double shaftHz) {
        double r = ratio();
        return pitchDiameter / (2 * ballDiameter) * shaftHz * (1 - r * r);
    }

    /** {BPFO, BPFI, BSF} for {@code shaftHz}, the order the envelope encoder's defect channels use. */
    public double[] defectFrequencies(double shaftHz) {
        return new double[] {bpfo(shaftHz), bpfi(shaftHz), bsf(shaftHz)};
    }
}
