package dev.vigil.runtime.eval;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Prints an {@link EvalReport} as a table, one row per lane. */
public final class EvalTable {
    /** Longest curve printed whole; longer ones are thinned on the console (the JSON has every point). */
    private static final int MAX_ROWS = 40;

    private EvalTable() {
    }

    /**
     * Writes {@code r} to {@code out}: a detection table (event recall = target events with a published
     * detection of their label; wake recall = target events with a wake; precision of published
     * detections; latency from event onset to the published detection and to the wake), then a wake and
     * energy table (false wakes per hour of background, distractor wakes and the dense stage's rejections
     * of them, duty cycle, energy against always-dense).
     */
    public static void print(EvalReport r, PrintWriter out) {
        out.printf(Locale.ROOT, "Evaluation of %s (%.1f s; front end '%s', dense '%s', %s %.1f/%.1f W idle/loaded; model %s)%n",
                r.log(), r.recordedS(), r.frontDevice(), r.denseDevice(), r.board().name(), r.board().idleW(),
                r.board().loadedW(), r.model());
        if (!r.negativeLabels().isEmpty()) {
            out.printf(Locale.ROOT, "negative (distractor) labels: %s%n", String.join(", ", r.negativeLabels()));
        }
        out.printf(Locale.ROOT, "%-9s %7s %7s %8s %9s %7s %7s %7s %8s %8s %8s %8s%n", "sensor", "events", "recall",
                "wake rec", "precision", "labels", "fp dis", "fp bg", "det p50", "det p99", "wake p50", "wake p99");
        for (LaneReport l : r.lanes()) {
            out.printf(Locale.ROOT, "%-9s %7d %7s %8s %9s %7s %7d %7d %8s %8s %8s %8s%n", l.sensor(), l.events(),
                    pct(l.recall()), pct(l.wakeRecall()), pct(l.precision()), pct(l.labelAccuracy()),
                    l.falseDetectionsOnDistractors(), l.falseDetectionsOnBackground(), ms(l.latencyP50Ms()),
                    ms(l.latencyP99Ms()), ms(l.wakeLatencyP50Ms()), ms(l.wakeLatencyP99Ms()));
        }
        out.printf(Locale.ROOT, "%-9s %8s %7s %8s %7s %8s %8s %10s %7s %10s %10s %7s %10s %9s %9s %7s%n", "sensor", "bg hours",
                "fw", "fw/hour", "distr", "d wakes", "d reject", "d E", "duty", "E wake", "E dense", "ratio", "synops",
                "sparsity", "footprint", "refused");
        for (LaneReport l : r.lanes()) {
            out.printf(Locale.ROOT, "%-9s %8.3f %7d %8s %7d %8d %8s %10s %6.2f%% %10s %10s %7s %10d %9s %8dB %7d%n", l.sensor(),
                    l.backgroundHours(), l.falseWakes(), num(l.falseWakesPerHour()), l.distractors(), l.distractorWakes(),
                    pct(l.distractorRejectionRate()), joules(l.distractorDenseJ()), 100 * l.dutyCycle(), joules(l.wakeOnSalienceJ()),
                    joules(l.alwaysDenseJ()), ratio(l.energyRatio()), l.synops(),
                    pct(l.frontSparsity()), l.footprintBytes(), l.refusedWakes());
        }
        out.println("recall: target events with a published detection of their label; wake rec: with a wake; fp dis / fp bg:"
                + " published detections on distractors / background; fw: waking windows on background;"
                + " d wakes / d reject / d E: waking windows on distractors / share of dense runs on them the dense stage"
                + " rejected / energy of those runs");
        for (LaneReport l : r.lanes()) {
            printEnergy(l, out);
        }
        out.flush();
    }

    /**
     * Writes each lane's sweep: miss rate against false accepts per hour over the dense head's score
     * threshold, its operating point and the miss rate at 1 and 0.5 false accepts per hour.
     */
    public static void printSweeps(EvalReport r, PrintWriter out) {
        for (LaneSweep s : r.sweeps()) {
            out.printf(Locale.ROOT, "sweep of %s: %d target events, false accepts over %.3f h of non-target time%n",
                    s.sensor(), s.events(), s.hours());
            out.printf(Locale.ROOT, "  %10s %10s %10s%n", "threshold", "miss rate", "FA/hour");
            List<MissRateCurve.Point> p = s.points();
            int step = Math.max(1, (p.size() + MAX_ROWS - 1) / MAX_ROWS);
            int printed = 0;
            for (int i = 0; i < p.size(); i++) {
                if (i % step == 0 || i == p.size() - 1) {
                    out.println(point(p.get(i)));
                    printed++;
                }
            }
            if (printed < p.size()) {
                out.printf(Locale.ROOT, "  (%d of %d points; --json has them all)%n", printed, p.size());
            }
            MissRateCurve.Point op = s.operatingPoint();
            out.printf(Locale.ROOT, "  operating point (every result published that is not background or negative,"
                    + " accept scores applied): threshold %s, miss rate %s, %s FA/hour%n", threshold(op), pct(op.missRate()), num(op.falseAcceptsPerHour()));
            out.printf(Locale.ROOT, "  miss rate at <= 1 FA/hour %s, at <= 0.5 FA/hour %s%n", pct(s.missRateAt1PerHour()),
                    pct(s.missRateAtHalfPerHour()));
        }
        out.flush();
    }

    private static String point(MissRateCurve.Point p) {
        return String.format(Locale.ROOT, "  %10s %10s %10s", threshold(p), pct(p.missRate()), num(p.falseAcceptsPerHour()));
    }

    private static String threshold(MissRateCurve.Point p) {
        return Double.isInfinite(p.threshold()) ? "none" : String.format(Locale.ROOT, "%.4f", p.threshold());
    }

    /** The lane's energy part by part, wake-on-salience against always-dense, each with its source. */
    private static void printEnergy(LaneReport l, PrintWriter out) {
        EnergyBreakdown e = l.energy();
        out.printf(Locale.ROOT, "energy of %s, part by part (%s):%n", l.sensor(), e.cpu());
        out.printf(Locale.ROOT, "  %-14s %12s %12s  %s%n", "part", "wake", "always", "source");
        List<String> parts = new ArrayList<>();
        e.wakeOnSalience().forEach(p -> parts.add(p.part()));
        e.alwaysDense().stream().map(EnergyBreakdown.Part::part).filter(p -> !parts.contains(p)).forEach(parts::add);
        for (String part : parts) {
            EnergyBreakdown.Part w = find(e.wakeOnSalience(), part);
            EnergyBreakdown.Part a = find(e.alwaysDense(), part);
            out.printf(Locale.ROOT, "  %-14s %12s %12s  %s%n", part, w == null ? "-" : joules(w.joules()),
                    a == null ? "-" : joules(a.joules()), w != null ? w.source() : a.source());
            if (w != null && a != null && !w.source().equals(a.source())) {
                out.printf(Locale.ROOT, "  %-14s %12s %12s  always: %s%n", "", "", "", a.source());
            }
        }
        out.printf(Locale.ROOT, "  %-14s %12s %12s  ratio %s; board idle %s over the run, drawn either way, in neither%n", "total",
                joules(e.wakeOnSalienceJ()), joules(e.alwaysDenseJ()), ratio(l.energyRatio()),
                joules(e.boardIdleJ()));
    }

    private static EnergyBreakdown.Part find(List<EnergyBreakdown.Part> parts, String part) {
        return parts.stream().filter(p -> p.part().equals(part)).findFirst().orElse(null);
    }

    private static String ms(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.0f", v);
    }

    private static String ratio(double v) {
        if (v >= 1e4) {
            return ">1e4x";
        }
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, v >= 1 ? "%.1fx" : "%.2gx", v);
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f", v);
    }

    static String joules(double j) {
        if (Double.isNaN(j)) {
            return "-";
        }
        if (j == 0) {
            return "0 J";
        }
        if (j >= 1) {
            return String.format(Locale.ROOT, "%.2f J", j);
        }
        if (j >= 1e-3) {
            return String.format(Locale.ROOT, "%.2f mJ", j * 1e3);
        }
        if (j >= 1e-6) {
            return String.format(Locale.ROOT, "%.2f µJ", j * 1e6);
        }
        if (j >= 1e-9) {
            return String.format(Locale.ROOT, "%.2f nJ", j * 1e9);
        }
        return String.format(Locale.ROOT, "%.2f pJ", j * 1e12);
    }
}
