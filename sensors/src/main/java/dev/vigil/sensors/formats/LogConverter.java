package dev.vigil.sensors.formats;

import dev.vigil.sensors.Batch;
import dev.vigil.sensors.EventBatch;
import dev.vigil.sensors.SampleBatch;
import dev.vigil.sensors.SensorSource;
import dev.vigil.sensors.SourceProblem;
import dev.vigil.sensors.StreamDescriptor;
import dev.vigil.sensors.TextBatch;
import dev.vigil.sensors.vlog.VlogWriter;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts readable logs into one Vigil recording ({@code vigil convert}). Streams of all inputs are
 * declared up front, renumbered 0, 1, 2, … in input order; data is copied batch by batch in constant
 * memory. Problems the readers report are collected in the result, not fatal.
 */
public final class LogConverter {

    private LogConverter() {
    }

    /**
     * What a conversion did.
     *
     * @param streams  the streams of the output, in order
     * @param chunks   chunks written
     * @param elements events, frames and lines written
     * @param problems problems the input readers reported (and skipped)
     */
    public record Result(List<StreamDescriptor> streams, long chunks, long elements, List<SourceProblem> problems) {
    }

    /** Converts {@code inputs} (any format {@link LogFormats} reads) into the Vigil recording {@code out}. */
    public static Result toVlog(List<Path> inputs, Path out, FormatOptions options) throws IOException {
        List<StreamDescriptor> declared = new ArrayList<>();
        List<Map<Integer, StreamDescriptor>> mapping = new ArrayList<>();
        for (Path in : inputs) {
            try (SensorSource s = LogFormats.open(in, options)) {
                Map<Integer, StreamDescriptor> m = new HashMap<>();
                for (StreamDescriptor d : s.streams()) {
                    StreamDescriptor renumbered = new StreamDescriptor(declared.size(), d.kind(), d.name(), d.width(),
                            d.height(), d.sampleRate(), d.channels(), d.units());
                    declared.add(renumbered);
                    m.put(d.id(), renumbered);
                }
                mapping.add(m);
            }
        }
        List<SourceProblem> problems = new ArrayList<>();
        long elements = 0;
        long chunks;
        try (VlogWriter w = new VlogWriter(out, declared)) {
            for (int i = 0; i < inputs.size(); i++) {
                Map<Integer, StreamDescriptor> m = mapping.get(i);
                try (SensorSource s = LogFormats.open(inputs.get(i), options)) {
                    for (Batch b; (b = s.next()) != null; ) {
                        StreamDescriptor target = m.get(b.stream().id());
                        switch (b) {
                            case EventBatch e -> w.write(target, e);
                            case SampleBatch sb -> w.write(target, sb);
                            case TextBatch t -> w.writeLines(target, t.firstTimeUs(), t.lines());
                        }
                        elements += b.size();
                    }
                    problems.addAll(s.problems());
                }
            }
            chunks = w.chunks();
        }
        return new Result(List.copyOf(declared), chunks, elements, List.copyOf(problems));
    }
}
