package dev.vigil.sensors.logs;

import dev.vigil.sensors.Batch;
import dev.vigil.sensors.SensorSource;
import dev.vigil.sensors.SourceProblem;
import dev.vigil.sensors.StreamDescriptor;
import dev.vigil.sensors.formats.FormatOptions;
import dev.vigil.sensors.vlog.VlogWriter;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * Converts readable logs into one Vigil recording ({@code vigil convert}). Streams of all inputs are
 * declared up front, renumbered 0, 1, 2, … in input order; batches are interleaved by time and copied
 * in constant memory (one batch per input at a time). Problems the readers report are collected in the result, not fatal.
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

    /**
     * Converts {@code inputs} (any format {@link LogFormats} reads) into the Vigil recording {@code out}.
     * Batches of all inputs are interleaved by their first timestamp (each input being in time order),
     * so the recording replays like the sensors that made it.
     */
    public static Result toVlog(List<Path> inputs, Path out, FormatOptions options) throws IOException {
        return toVlog(inputs, out, options, elements -> { });
    }

    /** As {@link #toVlog(List, Path, FormatOptions)}, telling {@code progress} the elements written so far. */
    public static Result toVlog(List<Path> inputs, Path out, FormatOptions options, LongConsumer progress) throws IOException {
        List<SensorSource> sources = new ArrayList<>();
        try {
            List<StreamDescriptor> declared = new ArrayList<>();
            List<Map<Integer, Integer>> mapping = new ArrayList<>();
            for (Path in : inputs) {
                SensorSource s = LogFormats.open(in, options);
                sources.add(s);
                Map<Integer, Integer> m = new HashMap<>();
                for (StreamDescriptor d : s.streams()) {
                    m.put(d.id(), declared.size());
                    declared.add(new StreamDescriptor(declared.size(), d.kind(), d.name(), d.width(), d.height(),
                            d.sampleRate(), d.channels(), d.units()));
                }
                mapping.add(m);
            }
            long elements = 0;
            long chunks;
            try (VlogWriter w = new VlogWriter(out, declared)) {
                Batch[] current = new Batch[sources.size()];
                for (int i = 0; i < current.length; i++) {
                    current[i] = nextNonEmpty(sources.get(i));
                }
                for (int pick = earliest(current); pick >= 0; pick = earliest(current)) {
                    Batch b = current[pick];
                    w.write(b, mapping.get(pick).get(b.stream().id()));
                    elements += b.size();
                    progress.accept(elements);
                    current[pick] = nextNonEmpty(sources.get(pick));
                }
                chunks = w.chunks();
            }
            List<SourceProblem> problems = new ArrayList<>();
            sources.forEach(s -> problems.addAll(s.problems()));
            return new Result(List.copyOf(declared), chunks, elements, List.copyOf(problems));
        } finally {
            IOException first = null;
            for (SensorSource s : sources) {
                try {
                    s.close();
                } catch (IOException e) {
                    first = first == null ? e : first;
                }
            }
            if (first != null) {
                throw first;
            }
        }
    }

    private static int earliest(Batch[] current) {
        int pick = -1;
        for (int i = 0; i < current.length; i++) {
            if (current[i] != null && (pick < 0 || current[i].firstTimeUs() < current[pick].firstTimeUs())) {
                pick = i;
            }
        }
        return pick;
    }

    private static Batch nextNonEmpty(SensorSource s) throws IOException {
        Batch b = s.next();
        while (b != null && b.size() == 0) {
            b = s.next();
        }
        return b;
    }
}
