package dev.vigil.runtime.cli;

import dev.vigil.sensors.SourceProblem;
import dev.vigil.sensors.logs.LogConverter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code vigil convert}: one or more logs of any readable format into one Vigil recording. */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = {"Converts one or more logs (any readable format) into one Vigil recording (.vlog),",
                "streams renumbered in input order and interleaved by time."})
final class ConvertCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "2..*", paramLabel = "FILE", description = "input logs, then the output .vlog")
    private List<Path> files;

    @Mixin
    private FormatFlags format = new FormatFlags();

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        List<Path> inputs = files.subList(0, files.size() - 1);
        Path out = files.getLast();
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
        long[] lastReport = {System.nanoTime()};
        LogConverter.Result r;
        try {
            r = LogConverter.toVlog(inputs, out, format.options(), elements -> {
                if (System.nanoTime() - lastReport[0] > 2e9) {
                    lastReport[0] = System.nanoTime();
                    err.printf(Locale.ROOT, "vigil: converted %,d events/samples so far%n", elements);
                    err.flush();
                }
            });
        } catch (IOException e) {
            throw new UserError("converting to " + out + ": " + e.getMessage());
        }
        for (SourceProblem p : r.problems()) {
            err.println("vigil: skipped: " + p);
        }
        err.printf(Locale.ROOT, "vigil: wrote %s: %d stream(s), %,d events/samples, %d chunks, %,d bytes%n", out,
                r.streams().size(), r.elements(), r.chunks(), Files.size(out));
        err.flush();
        return 0;
    }
}
