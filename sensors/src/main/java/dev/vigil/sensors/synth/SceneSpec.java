package dev.vigil.sensors.synth;

/**
 * What the scene generator produces and when. Times are seconds from the start of the recording.
 *
 * @param seed            random seed; the same seed gives the same bytes
 * @param durationS       recording length
 * @param edgeStartS      the moving edge enters the event camera's field
 * @param edgeEndS        the edge leaves it
 * @param speechStartS    the spoken-band burst starts
 * @param speechEndS      and ends
 * @param faultStartS     the bearing fault's impulse train starts
 * @param faultEndS       and ends
 */
public record SceneSpec(long seed, double durationS, double edgeStartS, double edgeEndS,
                        double speechStartS, double speechEndS, double faultStartS, double faultEndS) {

    public SceneSpec {
        if (!(durationS > 0) || durationS > 3600) {
            throw new IllegalArgumentException("duration must be in (0, 3600] s, got " + durationS);
        }
        check("edge", edgeStartS, edgeEndS, durationS);
        check("speech", speechStartS, speechEndS, durationS);
        check("fault", faultStartS, faultEndS, durationS);
    }

    private static void check(String what, double start, double end, double duration) {
        if (!(start >= 0 && end > start && end <= duration)) {
            throw new IllegalArgumentException(what + " interval " + start + ".." + end
                    + " s must lie inside the recording (0.." + duration + " s)");
        }
    }

    /** The scene bundled with Vigil: 6 s, one event per sensor, each in its own stretch of time. */
    public static SceneSpec demo(long seed) {
        return new SceneSpec(seed, 6.0, 1.5, 2.5, 3.0, 3.8, 4.4, 5.6);
    }
}
