package dev.vigil.runtime.cli;

import dev.vigil.runtime.config.VigilConfig;
import dev.vigil.sensors.Batch;
import dev.vigil.sensors.mux.SourceMux;
import dev.vigil.sensors.vlog.VlogWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code vigil record}: writes the configured live sources into Vigil recordings, rotating to a new
 * file by size or time. Stops after {@code --duration} or on Ctrl-C / SIGTERM, closing the file cleanly.
 */
@Command(name = "record", mixinStandardHelpOptions = true,
        description = {"Records the config's live sources into Vigil recordings (.vlog).",
                "Rotates files by size or time; stops after --duration or on Ctrl-C."})
final class RecordCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OUT", description = "the recording to write; with rotation, OUT-0001.vlog, OUT-0002.vlog, ...")
    private Path out;

    @Option(names = "--config", paramLabel = "FILE", required = true, description = "deployment config with a 'sources' list")
    private Path config;

    @Option(names = "--duration", paramLabel = "SECONDS", description = "stop after this long (default: until stopped)")
    private Double durationS;

    @Option(names = "--rotate-mb", paramLabel = "MB", description = "start a new file after this many megabytes")
    private Double rotateMb;

    @Option(names = "--rotate-s", paramLabel = "SECONDS", description = "start a new file after this many seconds")
    private Double rotateS;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (durationS != null && !(durationS > 0)) {
            throw new UserError("--duration " + durationS + " is refused: must be positive");
        }
        if ((rotateMb != null && !(rotateMb > 0)) || (rotateS != null && !(rotateS > 0))) {
            throw new UserError("--rotate-mb and --rotate-s must be positive");
        }
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new UserError("cannot write " + out + ": directory " + parent + " does not exist");
        }
        VigilConfig cfg = Inputs.config(config);
        boolean rotating = rotateMb != null || rotateS != null;
        long startNanos = System.nanoTime();
        long batches = 0;
        int fileNo = 1;
        long fileStart = startNanos;
        long lastReport = startNanos;
        try (LiveStop stop = new LiveStop();
             SourceMux mux = LiveSources.open(cfg)) {
            stop.watch(mux, durationS);
            VlogWriter writer = open(rotating ? numbered(fileNo) : out, mux);
            try {
                Batch b;
                while ((b = mux.next()) != null) {
                    writer.write(b);
                    batches++;
                    long now = System.nanoTime();
                    boolean bySize = rotateMb != null && writer.bytes() >= rotateMb * 1e6;
                    boolean byTime = rotateS != null && now - fileStart >= rotateS * 1e9;
                    if (bySize || byTime) {
                        writer.close();
                        err.println(ConsoleLines.note("closed " + (rotating ? numbered(fileNo) : out) + " ("
                                + Figures.count(writer.bytes(), "byte", "bytes") + ")"));
                        fileNo++;
                        fileStart = now;
                        writer = open(numbered(fileNo), mux);
                    }
                    if (now - lastReport >= 5e9) {
                        lastReport = now;
                        err.println(ConsoleLines.note(String.format(Locale.ROOT, "recording %.0f s, %s, %s dropped",
                                (now - startNanos) / 1e9, Figures.count(batches, "batch", "batches"), Figures.count(mux.droppedBatches()))));
                        err.flush();
                    }
                }
            } finally {
                writer.close();
            }
            err.println(ConsoleLines.note(String.format(Locale.ROOT, "recorded %.1f s, %s into %s, %s dropped",
                    (System.nanoTime() - startNanos) / 1e9, Figures.count(batches, "batch", "batches"),
                    Figures.count(fileNo, "file", "files"), Figures.count(mux.droppedBatches(), "batch", "batches"))));
        }
        return 0;
    }

    private Path numbered(int n) {
        String name = out.getFileName().toString();
        String stem = name.endsWith(".vlog") ? name.substring(0, name.length() - 5) : name;
        return out.resolveSibling(String.format(Locale.ROOT, "%s-%04d.vlog", stem, n));
    }

    private static VlogWriter open(Path file, SourceMux mux) throws UserError {
        try {
            return new VlogWriter(file, mux.streams());
        } catch (IOException e) {
            throw new UserError("cannot write " + file + ": " + e.getMessage());
        }
    }

}
