package dev.vigil.runtime.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The miss rate against false accepts per hour as a decision threshold sweeps over scores, as wake-word
 * benchmarks plot it. Each target event has the best score at which it would be caught (NaN when nothing
 * catches it at any threshold); each false accept has its score. At threshold {@code t}, an event is missed
 * unless its score is at least {@code t}, and every false accept scoring at least {@code t} counts. Built from
 * scores alone, so the same type serves any swept score: the dense stage's ({@link LaneOutcomes#curve}) or a
 * wake rule's.
 *
 * @param events target events
 * @param hours  the hours false accepts are counted over
 * @param points one point per distinct score, threshold descending (false accepts ascending), starting with
 *               the threshold that accepts nothing
 */
public record MissRateCurve(int events, double hours, List<Point> points) {

    /**
     * One operating point.
     *
     * @param threshold           accept scores at least this
     * @param missRate            target events not caught at it, over all target events (NaN without events)
     * @param falseAcceptsPerHour false accepts at it, over {@code hours} (NaN when hours is 0)
     */
    public record Point(double threshold, double missRate, double falseAcceptsPerHour) {
    }

    public MissRateCurve {
        points = List.copyOf(points);
    }

    /**
     * The curve of {@code hitScores} (per target event, NaN when never caught) and {@code falseScores}
     * (per false accept), false accepts counted over {@code hours}.
     */
    public static MissRateCurve of(double[] hitScores, double[] falseScores, double hours) {
        double[] hits = finiteDescending(hitScores);
        double[] falses = finiteDescending(falseScores);
        int events = hitScores.length;
        List<Point> points = new ArrayList<>();
        points.add(point(Double.POSITIVE_INFINITY, 0, 0, events, hours));
        int h = 0;
        int f = 0;
        while (h < hits.length || f < falses.length) {
            double t = Math.max(h < hits.length ? hits[h] : Double.NEGATIVE_INFINITY,
                    f < falses.length ? falses[f] : Double.NEGATIVE_INFINITY);
            while (h < hits.length && hits[h] >= t) {
                h++;
            }
            while (f < falses.length && falses[f] >= t) {
                f++;
            }
            points.add(point(t, h, f, events, hours));
        }
        return new MissRateCurve(events, hours, points);
    }

    private static Point point(double threshold, int hits, int falses, int events, double hours) {
        return new Point(threshold, events == 0 ? Double.NaN : 1 - (double) hits / events,
                hours > 0 ? falses / hours : Double.NaN);
    }

    private static double[] finiteDescending(double[] scores) {
        double[] s = Arrays.stream(scores).filter(v -> !Double.isNaN(v)).sorted().toArray();
        for (int i = 0, j = s.length - 1; i < j; i++, j--) {
            double x = s[i];
            s[i] = s[j];
            s[j] = x;
        }
        return s;
    }

    /**
     * The lowest miss rate among the points with at most {@code budget} false accepts per hour (the
     * benchmarks' "miss rate at 1 false accept per hour"); 1 when only the point accepting nothing fits.
     */
    public double missRateAt(double budget) {
        double best = events == 0 ? Double.NaN : 1;
        for (Point p : points) {
            if (p.falseAcceptsPerHour() <= budget) {
                best = Math.min(best, p.missRate());
            }
        }
        return best;
    }
}
