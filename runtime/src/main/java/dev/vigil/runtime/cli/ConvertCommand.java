package dev.vigil.runtime.cli;

import dev.vigil.sensors.Batch;
import dev.vigil.sensors.SensorSource;
import dev.vigil.sensors.SourceProblem;
import dev.vigil.sensors.StreamDescriptor;
import dev.vigil.sensors.vlog.VlogWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code vigil convert}: one or more logs of any readable format into one Vigil recording. Streams of
 * all inputs are renumbered in order; batches are interleaved by time (each input must be in time
 * order, as recordings are), so the recording replays like the original sensors.
 */
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
        List<SensorSource> sources = new ArrayList<>();
        try {
            List<StreamDescriptor> streams = new ArrayList<>();
            List<int[]> idMaps = new ArrayList<>();
            for (Path in : inputs) {
                SensorSource s = Inputs.log(in, format.options());
                sources.add(s);
                int maxId = s.streams().stream().mapToInt(StreamDescriptor::id).max().orElse(-1);
                int[] map = new int[maxId + 1];
                for (StreamDescriptor d : s.streams()) {
                    map[d.id()] = streams.size();
                    streams.add(new StreamDescriptor(streams.size(), d.kind(), d.name(), d.width(), d.height(),
                            d.sampleRate(), d.channels(), d.units()));
                }
                idMaps.add(map);
            }
            long elements = 0;
            long lastReport = System.nanoTime();
            try (VlogWriter w = new VlogWriter(out, streams)) {
                Batch[] current = new Batch[sources.size()];
                for (int i = 0; i < current.length; i++) {
                    current[i] = nextNonEmpty(sources.get(i));
                }
                while (true) {
                    int pick = -1;
                    for (int i = 0; i < current.length; i++) {
                        if (current[i] != null && (pick < 0 || current[i].firstTimeUs() < current[pick].firstTimeUs())) {
                            pick = i;
                        }
                    }
                    if (pick < 0) {
                        break;
                    }
                    w.write(current[pick], idMaps.get(pick)[current[pick].stream().id()]);
                    elements += current[pick].size();
                    current[pick] = nextNonEmpty(sources.get(pick));
                    if (System.nanoTime() - lastReport > 2e9) {
                        lastReport = System.nanoTime();
                        err.printf(Locale.ROOT, "vigil: converted %,d events/samples so far, %,d bytes written%n", elements, w.bytes());
                        err.flush();
                    }
                }
                w.flush();
                err.printf(Locale.ROOT, "vigil: wrote %s: %d stream(s), %,d events/samples, %,d bytes%n", out, streams.size(),
                        elements, w.bytes());
            }
            for (int i = 0; i < sources.size(); i++) {
                for (SourceProblem p : sources.get(i).problems()) {
                    err.println("vigil: skipped in " + inputs.get(i) + ": " + p);
                }
            }
        } catch (IOException e) {
            throw new UserError("converting to " + out + ": " + e.getMessage());
        } finally {
            for (SensorSource s : sources) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // reading is over; nothing left to lose
                }
            }
        }
        err.flush();
        return 0;
    }

    private static Batch nextNonEmpty(SensorSource s) throws IOException {
        Batch b;
        while ((b = s.next()) != null && b.size() == 0) {
            continue;
        }
        return b;
    }
}
