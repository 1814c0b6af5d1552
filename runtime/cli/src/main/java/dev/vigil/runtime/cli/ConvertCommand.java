package dev.vigil.runtime.cli;

import dev.vigil.sensors.SourceProblem;
import dev.vigil.sensors.logs.LogConverter;
import dev.vigil.sensors.logs.LogConverter.Alignment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code vigil convert}: one or more logs of any readable format into one Vigil recording. Several
 * inputs are moved to start together at 0 (one file may count Unix time, another from 0), unless
 * {@code --keep-time}; what was moved is said on standard error.
 */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = {"Converts one or more logs (any readable format) into one Vigil recording (.vlog).",
                "Streams are renumbered in input order and interleaved by time. With several inputs, each input "
                        + "is moved to start at 0 (AEDAT 4 files count Unix time, WAV and .mat files start at 0), "
                        + "unless --keep-time; the streams of one input keep their timing."})
final class ConvertCommand implements Callable<Integer> {
    /** Inputs whose clocks start further apart than this (a day, µs) are warned about under --keep-time. */
    private static final long KEPT_APART_US = 86_400_000_000L;
    /** Starts after this many µs are taken for an absolute (Unix) clock: 2000-01-01. */
    private static final long UNIX_CLOCK_US = 946_684_800_000_000L;
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "input logs, then the output .vlog (unless --out names it)")
    private List<Path> files;

    @Option(names = {"-o", "--out"}, paramLabel = "OUT", description = "the output .vlog (then every FILE is an input)")
    private Path outOption;

    @Option(names = "--keep-time", description = "keep every input's own timestamps instead of starting each at 0")
    private boolean keepTime;

    @Mixin
    private FormatFlags format = new FormatFlags();

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (outOption == null && files.size() < 2) {
            throw new UserError("convert needs the output: name it last (vigil convert IN... OUT.vlog) or with --out OUT.vlog", 2);
        }
        List<Path> inputs = outOption != null ? files : files.subList(0, files.size() - 1);
        Path out = outOption != null ? outOption : files.getLast();
        if (inputs.contains(out)) {
            throw new UserError("the output " + out + " is also an input");
        }
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new UserError("cannot write " + out + ": directory " + parent + " does not exist");
        }
        for (Path in : inputs) {
            Inputs.requireLogFormat(in);
        }
        Alignment alignment = inputs.size() > 1 && !keepTime ? Alignment.START_TOGETHER : Alignment.KEEP;
        long[] lastReport = {System.nanoTime()};
        LogConverter.Result r;
        try {
            r = LogConverter.toVlog(inputs, out, format.options(), alignment, elements -> {
                if (System.nanoTime() - lastReport[0] > 2e9) {
                    lastReport[0] = System.nanoTime();
                    err.println(ConsoleLines.note("converted " + Figures.count(elements) + " events/samples so far"));
                    err.flush();
                }
            });
        } catch (IOException e) {
            throw new UserError("converting to " + out + ": " + e.getMessage());
        }
        if (alignment == Alignment.KEEP && inputs.size() > 1) {
            long first = r.startsUs().stream().mapToLong(Long::longValue).min().orElse(0);
            long last = r.startsUs().stream().mapToLong(Long::longValue).max().orElse(0);
            if (last - first > KEPT_APART_US) {
                int late = r.startsUs().indexOf(last);
                int early = r.startsUs().indexOf(first);
                err.println(ConsoleLines.warning("the inputs' clocks start " + String.format(Locale.ROOT, "%,.0f", (last - first) / 1e6)
                        + " s apart (" + inputs.get(late).getFileName() + " at " + clock(last) + ", "
                        + inputs.get(early).getFileName() + " at " + clock(first) + "), and --keep-time keeps that gap "
                        + "in the recording; without --keep-time each input starts at 0"));
            }
        }
        for (int i = 0; i < inputs.size(); i++) {
            long shift = r.shiftsUs().get(i);
            if (shift != 0) {
                err.println(ConsoleLines.note(inputs.get(i).getFileName() + " starts at " + clock(shift)
                        + ": moved to start at 0 with the other inputs (--keep-time keeps each input's own clock)"));
            }
        }
        for (int i = 0; i < inputs.size(); i++) {
            String rateNote = format.sampleRateNote(r.sampleRatesInFile().get(i));
            if (rateNote != null) {
                err.println(ConsoleLines.warning(inputs.get(i) + ": " + rateNote));
            }
        }
        for (SourceProblem p : r.problems()) {
            err.println(ConsoleLines.warning("skipped: " + p));
        }
        err.println(ConsoleLines.note("wrote " + out + ": " + Figures.count(r.streams().size(), "stream", "streams") + ", "
                + Figures.count(r.elements()) + " events/samples, " + Figures.count(r.chunks(), "chunk", "chunks") + ", "
                + Figures.count(Files.size(out), "byte", "bytes")));
        err.flush();
        return 0;
    }

    /** A start time as the user would recognise it: a date for a Unix clock, else seconds. */
    static String clock(long us) {
        if (us >= UNIX_CLOCK_US) {
            return UTC.format(Instant.EPOCH.plusNanos(us * 1000)) + " (a Unix-time clock)";
        }
        return String.format(Locale.ROOT, "%,.6f s", us / 1e6);
    }
}
