package dev.vigil.runtime.cli;

import dev.vigil.runtime.pipeline.LaneStats;
import dev.vigil.runtime.pipeline.RunSummary;
import dev.vigil.sensors.SourceProblem;
import dev.vigil.sensors.StreamKind;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * Prints a run's summary as a small table: counts with separators, energy with an SI prefix, nouns
 * that agree with their counts. A replay "recorded" its input's span; a live run "ran" for it.
 */
final class SummaryPrinter {
    /** Problems listed one by one before the rest are only counted. */
    static final int LISTED_PROBLEMS = 10;

    private SummaryPrinter() {
    }

    /**
     * Prints {@code s}, the run of {@code what}; {@code live} for a run on live sources;
     * {@code windowMs} is the window the wake policy judges (a shorter input is warned about).
     */
    static void print(RunSummary s, String what, boolean live, int windowMs, PrintWriter out) {
        out.println();
        out.printf(Locale.ROOT, "Summary of %s (%s %s, front end on '%s')%n", what, live ? "ran" : "recorded",
                Figures.seconds(s.recordedUs() / 1e6, 2), s.device());
        out.printf(Locale.ROOT, "  %-10s %-17s %10s %11s %7s %8s %6s %6s %11s %7s %10s%n", "sensor", "input", "spikes in",
                "spikes out", "steps", "windows", "wakes", "dense", "detections", "duty", "energy");
        for (LaneStats l : s.lanes()) {
            String unit = l.kind() == StreamKind.DVS ? " events" : " samples";
            out.printf(Locale.ROOT, "  %-10s %-17s %10s %11s %7s %8s %6s %6s %11s %6.1f%% %10s%n", l.sensor(),
                    Figures.count(l.front().inputElements()) + unit, Figures.count(l.front().inputSpikes()),
                    Figures.count(l.front().counts().outputSpikes()), Figures.count(l.front().counts().steps()),
                    Figures.count(l.wake().windows()), Figures.count(l.wake().wakes()), Figures.count(l.dense().runs()),
                    Figures.count(l.dense().detections()), 100 * l.dutyCycle(), Figures.si(l.front().energyJ(), "J"));
        }
        boolean shorterThanAWindow = !s.lanes().isEmpty() && s.recordedUs() < windowMs * 1_000L;
        if (shorterThanAWindow) {
            out.println("  " + ConsoleLines.warning(String.format(Locale.ROOT, "%s %s, less than one %d ms window: %s",
                    live ? "the run lasted" : "the recording holds", Figures.seconds(s.recordedUs() / 1e6, 3), windowMs,
                    s.windows() == 0 ? "no window was judged, so nothing could be detected"
                            : "it was judged as one partial window, so a wake rule tuned for full windows may miss")));
        }
        if (!(shorterThanAWindow && s.windows() == 0)) {
            double duty = s.windows() == 0 ? 0 : 100.0 * s.denseRuns() / s.windows();
            out.printf(Locale.ROOT, "  total: %s, %s; dense stage ran in %s of %s (duty cycle %.2f%%); wall time %s%n",
                    Figures.count(s.wakes(), "wake", "wakes"), Figures.count(s.detections(), "detection", "detections"),
                    Figures.count(s.denseRuns()), Figures.count(s.windows(), "window", "windows"), duty,
                    Figures.seconds(s.wallNanos() / 1e9, 2));
        }
        long refused = s.lanes().stream().mapToLong(l -> l.wake().refused()).sum();
        if (refused > 0) {
            out.printf(Locale.ROOT, "  %s refused by cooldown, wake budget or fusion%n", Figures.count(refused, "wake", "wakes"));
        }
        for (String i : s.ignored()) {
            out.println("  not processed: " + i);
        }
        List<SourceProblem> problems = s.problems();
        problems.stream().limit(LISTED_PROBLEMS).forEach(p -> out.println("  skipped: " + p));
        if (problems.size() > LISTED_PROBLEMS) {
            out.println("  ... and " + Figures.count(problems.size() - LISTED_PROBLEMS, "more problem", "more problems"));
        }
        out.flush();
    }
}
