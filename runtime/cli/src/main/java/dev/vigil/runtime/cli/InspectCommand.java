package dev.vigil.runtime.cli;

import dev.vigil.sensors.SensorSource;
import dev.vigil.sensors.logs.LogFormats;
import dev.vigil.sensors.logs.SourceSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code vigil inspect}: what a log holds. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"Shows a log's format, streams, duration, counts, rates, resolution and damaged parts.",
                "Exit code 3 when a file had damaged parts (they are listed and skipped)."})
final class InspectCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "log files (any readable format)")
    private List<Path> files;

    @Mixin
    private FormatFlags format = new FormatFlags();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        int damaged = 0;
        for (Path f : files) {
            try (SensorSource source = Inputs.log(f, format.options())) {
                String rateNote = format.sampleRateNote(source);
                SourceSummary s = SourceSummary.of(f.toString(), LogFormats.detect(f), source);
                out.print(s.render());
                if (rateNote != null) {
                    out.println("  sample rate: " + rateNote);
                }
                out.println();
                damaged += s.problems().isEmpty() ? 0 : 1;
            } catch (IOException e) {
                throw new UserError("reading " + f + ": " + e.getMessage());
            }
        }
        out.flush();
        return damaged == 0 ? 0 : 3;
    }
}
