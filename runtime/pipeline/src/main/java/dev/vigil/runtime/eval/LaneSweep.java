package dev.vigil.runtime.eval;

import java.util.List;

/**
 * One lane's miss rate (false-reject rate) against false accepts per hour as a threshold sweeps the
 * dense head's score ({@link LaneOutcomes#curve}), the curve wake-word benchmarks publish, with its
 * operating point: the head as deployed publishes every result not labelled background or negative (a
 * result under its label's accept score is already published as a reject label), which is the curve's
 * lowest threshold.
 *
 * @param sensor             lane name
 * @param events             target events
 * @param hours              hours of non-target time false accepts are counted over
 * @param operatingPoint     the point {@code vigil eval}'s detections sit at
 * @param missRateAt1PerHour lowest miss rate with at most 1 false accept per hour
 * @param missRateAtHalfPerHour lowest miss rate with at most 0.5 false accepts per hour
 * @param points             the whole curve, threshold descending
 */
public record LaneSweep(String sensor, int events, double hours, MissRateCurve.Point operatingPoint,
                        double missRateAt1PerHour, double missRateAtHalfPerHour, List<MissRateCurve.Point> points) {

    public LaneSweep {
        points = List.copyOf(points);
    }

    /** The sweep of {@code sensor}'s {@code curve}. */
    public static LaneSweep of(String sensor, MissRateCurve curve) {
        List<MissRateCurve.Point> p = curve.points();
        return new LaneSweep(sensor, curve.events(), curve.hours(), p.get(p.size() - 1), curve.missRateAt(1),
                curve.missRateAt(0.5), p);
    }
}
