package dev.vigil.runtime.eval;

import java.io.PrintWriter;
import java.util.Locale;

/** Prints an {@link EvalReport} as a table, one row per lane. */
public final class EvalTable {

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
                    joules(l.alwaysDenseJ()), l.energyRatio() >= 1e4 ? ">1e4x" : num(l.energyRatio()) + "x", l.synops(),
                    pct(l.frontSparsity()), l.footprintBytes(), l.refusedWakes());
        }
        out.println("recall: target events with a published detection of their label; wake rec: with a wake; fp dis / fp bg:"
                + " published detections on distractors / background; fw: waking windows on background;"
                + " d wakes / d reject / d E: waking windows on distractors / share of dense runs on them the dense stage"
                + " rejected / energy of those runs");
        out.flush();
    }

    private static String ms(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.0f", v);
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f", v);
    }

    static String joules(double j) {
        if (j >= 1) {
            return String.format(Locale.ROOT, "%.2f J", j);
        }
        if (j >= 1e-3) {
            return String.format(Locale.ROOT, "%.2f mJ", j * 1e3);
        }
        if (j >= 1e-6) {
            return String.format(Locale.ROOT, "%.2f µJ", j * 1e6);
        }
        return String.format(Locale.ROOT, "%.2f nJ", j * 1e9);
    }
}
