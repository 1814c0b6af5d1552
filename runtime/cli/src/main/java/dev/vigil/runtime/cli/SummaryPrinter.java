package dev.vigil.runtime.cli;

import dev.vigil.runtime.pipeline.LaneStats;
import dev.vigil.runtime.pipeline.RunSummary;
import dev.vigil.sensors.SourceProblem;
import dev.vigil.sensors.StreamKind;

import java.io.PrintWriter;
import java.util.Locale;

/** Prints a run's summary as a small table. */
final class SummaryPrinter {

    private SummaryPrinter() {
    }

    static void print(RunSummary s, String what, PrintWriter out) {
        out.println();
        out.printf(Locale.ROOT, "Summary of %s (%.2f s recorded, front end on '%s')%n", what, s.recordedUs() / 1e6, s.device());
        out.printf(Locale.ROOT, "  %-10s %-16s %10s %11s %7s %8s %6s %6s %11s %7s %11s%n", "sensor", "input", "spikes in",
                "spikes out", "steps", "windows", "wakes", "dense", "detections", "duty", "energy");
        for (LaneStats l : s.lanes()) {
            String unit = l.kind() == StreamKind.DVS ? " events" : " samples";
            out.printf(Locale.ROOT, "  %-10s %-16s %10d %11d %7d %8d %6d %6d %11d %6.1f%% %11s%n", l.sensor(),
                    l.front().inputElements() + unit, l.front().inputSpikes(), l.front().counts().outputSpikes(),
                    l.front().counts().steps(), l.wake().windows(), l.wake().wakes(), l.dense().runs(),
                    l.dense().detections(), 100 * l.dutyCycle(), joules(l.front().energyJ()));
        }
        double duty = s.windows() == 0 ? 0 : 100.0 * s.denseRuns() / s.windows();
        out.printf(Locale.ROOT, "  total: %d wakes, %d detections; dense stage ran in %d of %d windows (duty cycle %.2f%%); wall time %.2f s%n",
                s.wakes(), s.detections(), s.denseRuns(), s.windows(), duty, s.wallNanos() / 1e9);
        long refused = s.lanes().stream().mapToLong(l -> l.wake().refused()).sum();
        if (refused > 0) {
            out.printf(Locale.ROOT, "  %d wake(s) refused by cooldown, wake budget or fusion%n", refused);
        }
        for (String i : s.ignored()) {
            out.println("  not processed: " + i);
        }
        for (SourceProblem p : s.problems()) {
            out.println("  skipped: " + p);
        }
        out.flush();
    }

    static String joules(double j) {
        if (j >= 1e-3) {
            return String.format(Locale.ROOT, "%.2f mJ", j * 1e3);
        }
        if (j >= 1e-6) {
            return String.format(Locale.ROOT, "%.2f uJ", j * 1e6);
        }
        return String.format(Locale.ROOT, "%.2f nJ", j * 1e9);
    }
}
