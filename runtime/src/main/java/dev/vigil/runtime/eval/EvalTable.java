package dev.vigil.runtime.eval;

import java.io.PrintWriter;
import java.util.Locale;

/** Prints an {@link EvalReport} as a table, one row per lane. */
public final class EvalTable {

    private EvalTable() {
    }

    /** Writes {@code r} to {@code out}. */
    public static void print(EvalReport r, PrintWriter out) {
        out.printf(Locale.ROOT, "Evaluation of %s (%.1f s; front end '%s', dense '%s', %s %.1f/%.1f W idle/loaded; model %s)%n",
                r.log(), r.recordedS(), r.frontDevice(), r.denseDevice(), r.board().name(), r.board().idleW(),
                r.board().loadedW(), r.model());
        out.printf(Locale.ROOT, "%-9s %7s %7s %9s %8s %9s %9s %8s %7s %10s %10s %7s %10s %9s %9s %7s%n", "sensor", "events",
                "recall", "precision", "labels", "fw/hour", "p50 ms", "p99 ms", "duty", "E wake", "E dense", "ratio",
                "synops", "sparsity", "footprint", "refused");
        for (LaneReport l : r.lanes()) {
            out.printf(Locale.ROOT, "%-9s %7d %7s %9s %8s %9s %9s %8s %6.2f%% %10s %10s %7s %10d %9s %8dB %7d%n", l.sensor(),
                    l.events(), pct(l.recall()), pct(l.precision()), pct(l.labelAccuracy()), num(l.falseWakesPerHour()),
                    num(l.latencyP50Ms()), num(l.latencyP99Ms()), 100 * l.dutyCycle(), joules(l.wakeOnSalienceJ()),
                    joules(l.alwaysDenseJ()), l.energyRatio() >= 1e4 ? ">1e4x" : num(l.energyRatio()) + "x", l.synops(),
                    pct(l.frontSparsity()), l.footprintBytes(), l.refusedWakes());
        }
        out.flush();
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
            return String.format(Locale.ROOT, "%.2f uJ", j * 1e6);
        }
        return String.format(Locale.ROOT, "%.2f nJ", j * 1e9);
    }
}
